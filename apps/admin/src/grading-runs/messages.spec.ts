import { describe, expect, it } from 'vitest';
import { messageLeaves, messageVariables } from '../i18n/message-tree';
import { policiesMessages } from '../policies/messages';
import { RUN_CAUSES, RUN_KINDS, RUN_STATUSES } from './grading-run';
import { gradingRunsMessages } from './messages';

describe.each([
  ['grading runs', gradingRunsMessages],
  ['policies', policiesMessages],
])('the %s texts', (_name, messages) => {
  const english = messageLeaves(messages.en);
  const chinese = messageLeaves(messages.zh);

  it('have a Chinese text for every English one, with the same interpolations', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(chinese.get(key), key).not.toBe('');
      expect(messageVariables(chinese.get(key) ?? ''), key).toEqual(messageVariables(text));
    }
  });
});

describe('labels for the codes the api sends about runs', () => {
  const english = messageLeaves(gradingRunsMessages.en);

  it('name every kind, cause and status', () => {
    const keys = [
      ...RUN_KINDS.map((kind) => `tierwise.gradingRuns.kind.${kind}`),
      ...RUN_CAUSES.map((cause) => `tierwise.gradingRuns.cause.${cause}`),
      ...RUN_STATUSES.map((status) => `tierwise.gradingRuns.status.${status}`),
    ];
    expect(keys.filter((key) => !english.has(key))).toEqual([]);
  });
});
