type Messages = { [key: string]: string | Messages };

/** Deep merge of translation trees: later trees win key by key. */
export function mergeMessages<T extends object>(...trees: object[]): T {
  const merged: Messages = {};
  for (const tree of trees) mergeInto(merged, tree as Messages);
  return merged as T;
}

function mergeInto(target: Messages, source: Messages): void {
  for (const [key, value] of Object.entries(source)) {
    const current = target[key];
    if (typeof value === 'object' && typeof current === 'object') mergeInto(current, value);
    else target[key] = typeof value === 'object' ? mergeMessages(value) : value;
  }
}
