import { validateRecord, type FactCatalogue } from '@tierwise/policy';
import type { FieldError } from '../../common/field-error.js';
import { isPlainObject } from '../../common/request-shape.js';
import { isCustomerId } from '../customer-id.js';
import { isPhone, PHONE_RULE } from '../phone.js';
import { MAX_NAME } from '../dto/upsert-customer.input.js';
import type { ImportRow, RawImportRow } from './import-row.js';

export interface RowCheck {
  /** The id as written, for the error report, when it is text. */
  customerId: string | null;
  problems: FieldError[];
  /** Set only when there are no problems. */
  row?: ImportRow;
}

/**
 * The same checks as a PUT of one customer (id, name, facts against the
 * policy's catalogue), plus one a file needs: each customer appears once.
 * `firstLineOf` remembers where each id was first seen.
 */
export function checkImportRow(raw: RawImportRow, catalogue: FactCatalogue, firstLineOf: Map<string, number>): RowCheck {
  const problems = [...raw.problems];
  const customerId = typeof raw.id === 'string' ? raw.id : null;
  // A line that is not a JSON object at all, or holds what cannot be stored, has nothing more to check.
  if (raw.unstorable || (raw.id === undefined && raw.name === undefined && raw.facts === undefined && problems.length > 0))
    return { customerId, problems };

  if (raw.id === undefined) {
    if (!raw.idNotGiven) problems.push({ path: '/id', message: 'id is required' });
  } else if (!isCustomerId(raw.id)) {
    problems.push({
      path: '/id',
      message: `customer id ${JSON.stringify(raw.id).slice(0, 140)} must be 1-128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit`,
    });
  } else {
    const first = firstLineOf.get(raw.id);
    if (first !== undefined)
      problems.push({ path: '/id', message: `customer '${raw.id}' already appears on line ${first}; each customer may appear once` });
    else firstLineOf.set(raw.id, raw.line);
  }

  // No name at all is allowed (the CLI's record format has none); a name given must be one.
  const name = typeof raw.name === 'string' ? raw.name.trim() : undefined;
  if (raw.name !== undefined && raw.name !== null) {
    if (name === undefined) problems.push({ path: '/name', message: 'name must be text' });
    else if (name.length === 0 || name.length > MAX_NAME)
      problems.push({ path: '/name', message: `name must be 1 to ${MAX_NAME} characters` });
  }

  // undefined: not given, kept as stored; null or '': cleared.
  const phone = raw.phone === '' ? null : raw.phone;
  if (phone !== undefined && phone !== null) {
    if (!isPhone(phone)) problems.push({ path: '/phone', message: PHONE_RULE });
    else {
      // Ids never contain '+', so a number can share the map of first lines with them.
      const first = firstLineOf.get(phone);
      if (first !== undefined)
        problems.push({ path: '/phone', message: `phone ${phone} is already on line ${first}; a number belongs to one customer` });
      else firstLineOf.set(phone, raw.line);
    }
  }

  if (!isPlainObject(raw.facts)) {
    problems.push({ path: '/facts', message: 'facts is required and must be an object' });
  } else if (Object.hasOwn(raw.facts, 'customerId')) {
    problems.push({ path: '/facts/customerId', message: "the customer's id is given as id, not among its facts" });
  } else {
    const check = validateRecord(raw.facts, catalogue);
    if (!check.ok) {
      for (const error of check.errors) {
        problems.push({ path: `/facts${error.path}`, message: raw.cellProblems?.get(error.path) ?? error.message });
      }
    }
  }

  if (problems.length > 0) return { customerId, problems };
  return {
    customerId,
    problems,
    row: {
      line: raw.line,
      id: raw.id as string,
      name: name ?? null,
      ...(phone === undefined ? {} : { phone: phone as string | null }),
      facts: raw.facts as Record<string, unknown>,
    },
  };
}
