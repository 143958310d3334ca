type Tree = { [key: string]: string | Tree };

/** Every text of a translation tree by its dotted key: `tierwise.gradingRuns.menu` -> 'Grading runs'. */
export function messageLeaves(tree: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree as Tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leafPath, leaf] of messageLeaves(value, path)) found.set(leafPath, leaf);
  }
  return found;
}

/** The %{variables} a text interpolates, each once, sorted (plural forms repeat them). */
export const messageVariables = (text: string) => [...new Set([...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]))].sort();
