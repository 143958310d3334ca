import type { CatalogueFact } from '../catalogue.js';
import type { FactValue } from '../document.js';

export type CellValue = { ok: true; value: FactValue } | { ok: false; message: string };

// Plain decimal notation only: "0x10", "1,000", "12 kg" and "Infinity" are not read as numbers.
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const TRUE_WORDS: ReadonlySet<string> = new Set(['true', 'yes', '1']);
const FALSE_WORDS: ReadonlySet<string> = new Set(['false', 'no', '0']);

/**
 * Reads a non-empty CSV cell (CLI and API imports alike) as its fact's type. Cells of unknown columns, text
 * and date facts stay text: validation judges them, nothing is guessed here.
 */
export function coerceCell(fact: CatalogueFact | undefined, cell: string): CellValue {
  switch (fact?.type) {
    case 'number':
    case 'integer': {
      const text = cell.trim();
      const value = DECIMAL.test(text) ? Number(text) : Number.NaN;
      if (Number.isFinite(value)) return { ok: true, value };
      return { ok: false, message: `'${fact.name}' must be a number, not ${JSON.stringify(cell)}` };
    }
    case 'boolean': {
      const word = cell.trim().toLowerCase();
      if (TRUE_WORDS.has(word)) return { ok: true, value: true };
      if (FALSE_WORDS.has(word)) return { ok: true, value: false };
      return { ok: false, message: `'${fact.name}' must be true, false, yes, no, 1 or 0, not ${JSON.stringify(cell)}` };
    }
    default:
      return { ok: true, value: cell };
  }
}
