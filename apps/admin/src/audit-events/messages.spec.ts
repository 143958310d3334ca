import { describe, expect, it } from 'vitest';
import { GRADING_CAUSES } from '../tier-history/grading-causes';
import { tierHistoryMessages } from '../tier-history/messages';
import { usersMessages } from '../users/messages';
import { AUDIT_ACTIONS, auditActionKey } from './audit-actions';
import { auditEventsMessages } from './messages';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') found.set(path, value);
    else for (const [leafPath, leaf] of leaves(value, path)) found.set(leafPath, leaf);
  }
  return found;
}

const variablesOf = (text: string) => [...text.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]).sort();

describe.each([
  ['tier history', tierHistoryMessages],
  ['audit log', auditEventsMessages],
  ['users', usersMessages],
])('the %s texts', (_name, messages) => {
  const english = leaves(messages.en);
  const chinese = leaves(messages.zh);

  it('have a Chinese text for every English one, with the same interpolations', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(chinese.get(key), key).not.toBe('');
      expect(variablesOf(chinese.get(key) ?? ''), key).toEqual(variablesOf(text));
    }
  });
});

describe('labels for the codes the api sends', () => {
  const english = leaves(auditEventsMessages.en);
  const history = leaves(tierHistoryMessages.en);

  it('name every audit action and every grading cause', () => {
    expect(AUDIT_ACTIONS.filter((action) => !english.has(auditActionKey(action)))).toEqual([]);
    expect(GRADING_CAUSES.filter((cause) => !history.has(`tierwise.tierHistory.cause.${cause}`))).toEqual([]);
  });

  it('keep every action its own label key', () => {
    expect(new Set(AUDIT_ACTIONS.map(auditActionKey)).size).toBe(AUDIT_ACTIONS.length);
  });
});
