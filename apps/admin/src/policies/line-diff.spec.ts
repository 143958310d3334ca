import { describe, expect, it } from 'vitest';
import { foldUnchanged, sideBySide } from './line-diff';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

describe('sideBySide', () => {
  it('pairs a changed line with its replacement on one row and keeps unchanged lines aligned', () => {
    const rows = sideBySide(pretty({ a: 1, threshold: 75, z: 3 }), pretty({ a: 1, threshold: 80, z: 3 }));
    expect(rows).toHaveLength(5);
    expect(rows[2]).toEqual({
      left: { number: 3, text: '  "threshold": 75,', changed: true },
      right: { number: 3, text: '  "threshold": 80,', changed: true },
    });
    expect(rows.filter((row) => row.left?.changed || row.right?.changed)).toHaveLength(1);
  });

  it('leaves the other side empty where lines were added or removed', () => {
    const rows = sideBySide('a\nb\nc', 'a\nx\ny\nc');
    expect(rows.map((row) => [row.left?.text, row.right?.text])).toEqual([
      ['a', 'a'],
      ['b', 'x'],
      [undefined, 'y'],
      ['c', 'c'],
    ]);
    expect(sideBySide('a\nb', 'a').at(-1)).toEqual({ left: { number: 2, text: 'b', changed: true } });
  });

  it('finds lines moved around an insertion (longest common subsequence, not line by line)', () => {
    const rows = sideBySide('1\n2\n3\n4', '0\n1\n2\n3\n4');
    expect(rows[0]).toEqual({ right: { number: 1, text: '0', changed: true } });
    expect(rows.slice(1).every((row) => row.left?.text === row.right?.text && !row.left?.changed)).toBe(true);
  });

  it('answers nothing changed for equal documents and handles empty text', () => {
    expect(sideBySide('a\nb', 'a\nb').every((row) => !row.left?.changed && !row.right?.changed)).toBe(true);
    expect(sideBySide('', '')).toEqual([]);
    expect(sideBySide('', 'a')).toEqual([{ right: { number: 1, text: 'a', changed: true } }]);
  });
});

describe('foldUnchanged', () => {
  it('keeps the context around each change and counts the folded lines', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const after = before.replace('line 10', 'line ten');
    const folded = foldUnchanged(sideBySide(before, after), 2);
    expect(folded[0]).toEqual({ folded: 8 });
    expect(folded.slice(1, 6).map((row) => ('folded' in row ? null : row.right?.text))).toEqual([
      'line 8',
      'line 9',
      'line ten',
      'line 11',
      'line 12',
    ]);
    expect(folded[6]).toEqual({ folded: 7 });
  });
});
