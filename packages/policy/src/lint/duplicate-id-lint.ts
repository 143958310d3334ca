import type { PolicyDocument } from '../document.js';
import { errorAt, type Finding } from '../finding.js';

/** Ids name things in explanations, diffs and history, so each must be unique in its list. */
export function lintDuplicateIds(document: PolicyDocument): Finding[] {
  const lists: [string, { id: string }[]][] = [
    ['grading/scorecard', document.grading.scorecard ?? []],
    ['grading/tiers', document.grading.tiers],
    ['treatments', document.treatments ?? []],
  ];
  (document.grading.scorecard ?? []).forEach((criterion, i) => {
    if ('rules' in criterion.points) lists.push([`grading/scorecard/${i}/points/rules`, criterion.points.rules]);
  });
  return lists.flatMap(([where, items]) => {
    const firstIndex = new Map<string, number>();
    return items.flatMap((item, i) => {
      const first = firstIndex.get(item.id);
      if (first === undefined) {
        firstIndex.set(item.id, i);
        return [];
      }
      return [
        errorAt(
          'duplicate-id',
          [...where.split('/'), String(i), 'id'],
          `id '${item.id}' is used twice in ${where} (items ${first + 1} and ${i + 1})`,
        ),
      ];
    });
  });
}
