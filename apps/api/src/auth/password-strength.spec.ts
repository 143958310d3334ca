import { describe, expect, it } from 'vitest';
import { weakPasswordReason } from './password-strength.js';

describe('weakPasswordReason', () => {
  it.each(['password1234', 'qwertyuiop123', 'aaaaaaaaaaaa', '123456789012', 'iloveyou2024!'])(
    'refuses the common or guessable %j',
    (password) => {
      expect(weakPasswordReason(password, 'alice')).toMatch(/^this password is too easy to guess/);
    },
  );

  it("says why, in zxcvbn's words", () => {
    expect(weakPasswordReason('password1234', 'alice')).toContain('This is similar to a commonly used password.');
  });

  it('refuses a password built from the user name or the service name', () => {
    expect(weakPasswordReason('margaret.thornbury', 'margaret.thornbury')).toBeDefined();
    expect(weakPasswordReason('thornbury2026!', 'margaret.thornbury')).toBeDefined();
    expect(weakPasswordReason('tierwise12345', 'alice')).toBeDefined();
  });

  it('accepts a few unrelated words', () => {
    expect(weakPasswordReason('kiwi mango pebble lantern', 'alice')).toBeUndefined();
    expect(weakPasswordReason('correct horse battery staple', 'alice')).toBeUndefined();
  });
});
