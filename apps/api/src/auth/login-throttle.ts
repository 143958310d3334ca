import { Injectable } from '@nestjs/common';
import { tooManySignIns } from './auth.errors.js';

// Five wrong passwords in a row lock a user name for fifteen minutes: enough
// for typos, too few for guessing a 12-character password. Keyed by user name,
// not address (a console behind a proxy shares one); in-process, so each api
// instance counts on its own. Attempts on unknown names count too, so a locked
// answer does not reveal which names exist.
export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60_000;
const MAX_TRACKED = 10_000;

interface Failures {
  count: number;
  lockedUntil: number;
}

@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, Failures>();
  private now: () => number = () => Date.now();

  /** Throws 429 while the name is locked; the password is not even checked then. */
  assertMayTry(username: string): void {
    const entry = this.failures.get(username);
    if (!entry || entry.lockedUntil === 0) return;
    const left = entry.lockedUntil - this.now();
    if (left > 0) throw tooManySignIns(username, Math.ceil(left / 1000));
    this.failures.delete(username);
  }

  failed(username: string): void {
    const entry = this.failures.get(username) ?? { count: 0, lockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= MAX_FAILED_SIGN_INS) entry.lockedUntil = this.now() + LOCKOUT_MS;
    this.failures.delete(username); // re-insert: the Map's first key stays the least recently failed
    if (this.failures.size >= MAX_TRACKED) this.failures.delete(this.failures.keys().next().value as string);
    this.failures.set(username, entry);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }

  /** For specs: move the clock instead of waiting fifteen minutes. */
  useClock(now: () => number): void {
    this.now = now;
  }
}
