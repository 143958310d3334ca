// A small line diff for showing two pretty-printed policy documents side by side: longest common
// subsequence over lines, after trimming the common head and tail (policies differ in a few places).

export interface DiffLine {
  /** 1-based line number on its side. */
  number: number;
  text: string;
  changed: boolean;
}

/** One row of the side-by-side view; a side is absent where the other side added lines. */
export interface DiffRow {
  left?: DiffLine;
  right?: DiffLine;
}

type Step = { kind: 'same'; left: number; right: number } | { kind: 'removed'; left: number } | { kind: 'added'; right: number };

export function sideBySide(before: string, after: string): DiffRow[] {
  const left = splitLines(before);
  const right = splitLines(after);
  const rows: DiffRow[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  // Removed and added lines between two unchanged ones are shown against each other, row by row.
  const flush = () => {
    for (let i = 0; i < Math.max(removed.length, added.length); i++) {
      const l = removed[i];
      const r = added[i];
      rows.push({
        ...(l === undefined ? {} : { left: { number: l + 1, text: left[l]!, changed: true } }),
        ...(r === undefined ? {} : { right: { number: r + 1, text: right[r]!, changed: true } }),
      });
    }
    removed = [];
    added = [];
  };
  for (const step of editScript(left, right)) {
    if (step.kind === 'removed') removed.push(step.left);
    else if (step.kind === 'added') added.push(step.right);
    else {
      flush();
      rows.push({
        left: { number: step.left + 1, text: left[step.left]!, changed: false },
        right: { number: step.right + 1, text: right[step.right]!, changed: false },
      });
    }
  }
  flush();
  return rows;
}

function splitLines(text: string): string[] {
  return text === '' ? [] : text.split('\n');
}

function editScript(left: string[], right: string[]): Step[] {
  let head = 0;
  while (head < left.length && head < right.length && left[head] === right[head]) head++;
  let tail = 0;
  while (tail < left.length - head && tail < right.length - head && left[left.length - 1 - tail] === right[right.length - 1 - tail]) tail++;

  const steps: Step[] = [];
  for (let i = 0; i < head; i++) steps.push({ kind: 'same', left: i, right: i });

  const a = left.slice(head, left.length - tail);
  const b = right.slice(head, right.length - tail);
  // lcs[i * (m + 1) + j]: length of the longest common subsequence of a[i..] and b[j..].
  const n = a.length;
  const m = b.length;
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * (m + 1) + j] =
        a[i] === b[j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      steps.push({ kind: 'same', left: head + i++, right: head + j++ });
    } else if (j < m && (i === n || lcs[i * (m + 1) + j + 1]! >= lcs[(i + 1) * (m + 1) + j]!)) {
      steps.push({ kind: 'added', right: head + j++ });
    } else {
      steps.push({ kind: 'removed', left: head + i++ });
    }
  }

  for (let k = 0; k < tail; k++) steps.push({ kind: 'same', left: left.length - tail + k, right: right.length - tail + k });
  return steps;
}

export type FoldedRow = DiffRow | { folded: number };

/** Keeps `context` unchanged rows around each change and folds longer unchanged runs into one row. */
export function foldUnchanged(rows: DiffRow[], context: number): FoldedRow[] {
  const isChange = (row: DiffRow) => row.left?.changed === true || row.right?.changed === true || !row.left || !row.right;
  const keep = rows.map(() => false);
  rows.forEach((row, index) => {
    if (!isChange(row)) return;
    for (let k = Math.max(0, index - context); k <= Math.min(rows.length - 1, index + context); k++) keep[k] = true;
  });
  const folded: FoldedRow[] = [];
  let hidden = 0;
  rows.forEach((row, index) => {
    if (keep[index]) {
      if (hidden > 0) folded.push({ folded: hidden });
      hidden = 0;
      folded.push(row);
    } else hidden++;
  });
  if (hidden > 0) folded.push({ folded: hidden });
  return folded;
}
