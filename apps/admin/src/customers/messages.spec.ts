import { describe, expect, it } from 'vitest';
import { messageLeaves, messageVariables } from '../i18n/message-tree';
import { customersMessages } from './messages';

describe('the customers texts', () => {
  const english = messageLeaves(customersMessages.en);
  const chinese = messageLeaves(customersMessages.zh);

  it('have a Chinese text for every English one, with the same interpolations', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(chinese.get(key), key).not.toBe('');
      expect(messageVariables(chinese.get(key) ?? ''), key).toEqual(messageVariables(text));
    }
  });
});
