// Values as the trace and decision show them: text as is, lists and objects as JSON, "not given" for none.

export function formatValue(value: unknown, notGiven: string): string {
  if (value === undefined || value === null) return notGiven;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

const SYMBOLS: Record<string, string> = {
  equal: '=',
  notEqual: '≠',
  lessThan: '<',
  lessThanInclusive: '≤',
  greaterThan: '>',
  greaterThanInclusive: '≥',
  in: 'in',
  notIn: 'not in',
};

/** `≥ greaterThanInclusive`: the symbol a person reads, with json-rules-engine's own name. */
export function operatorSymbol(operator: string): string {
  const symbol = SYMBOLS[operator];
  return symbol && symbol !== operator ? `${symbol} ${operator}` : operator;
}
