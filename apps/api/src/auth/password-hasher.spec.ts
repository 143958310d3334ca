import { describe, expect, it } from 'vitest';
import { PasswordHasher } from './password-hasher.js';

describe('scrypt password hashes', () => {
  const hasher = new PasswordHasher();

  it('verifies the password it hashed and nothing else', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(stored).toMatch(/^scrypt\$ln=15,r=8,p=3\$/);
    expect(await hasher.verify('correct horse battery staple', stored)).toBe(true);
    expect(await hasher.verify('correct horse battery stapler', stored)).toBe(false);
  });

  it('salts each hash, so equal passwords store differently', async () => {
    const [a, b] = await Promise.all([hasher.hash('same password here'), hasher.hash('same password here')]);
    expect(a).not.toBe(b);
  });

  it('verifies hashes made with other parameters, read from the stored value', async () => {
    // scrypt N=2^10, r=8, p=1 of "legacy password!", salt "c2FsdHNhbHRzYWx0c2FsdA" (saltsaltsaltsalt).
    const { scryptSync } = await import('node:crypto');
    const salt = Buffer.from('saltsaltsaltsalt');
    const key = scryptSync('legacy password!', salt, 32, { N: 1024, r: 8, p: 1 });
    const stored = `scrypt$ln=10,r=8,p=1$${salt.toString('base64url')}$${key.toString('base64url')}`;
    expect(await hasher.verify('legacy password!', stored)).toBe(true);
    expect(await hasher.verify('legacy password?', stored)).toBe(false);
  });

  it('answers false, never throws, for stored values it cannot read or that ask for absurd work', async () => {
    for (const stored of [
      '',
      'plain',
      'bcrypt$2b$10$abc',
      'scrypt$ln=40,r=8,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5',
      'scrypt$ln=15,r=8,p=1$$',
    ]) {
      expect(await hasher.verify('anything', stored)).toBe(false);
    }
  });
});
