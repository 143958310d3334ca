import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

// Length alone let `password1234` through. zxcvbn (Dropbox's estimator, kept up
// as zxcvbn-ts) estimates how many guesses a password takes against common
// passwords, English words and names, keyboard walks, dates, repeats and l33t,
// and says why a password is weak in words a person can act on.

/** zxcvbn's score 3: "safely unguessable: moderate protection from offline slow-hash scenario" (about 10^10 guesses). */
export const MIN_PASSWORD_SCORE = 3;

// Words an attacker would try first against this service's users, beside their own name.
const SERVICE_WORDS = ['tierwise', 'tier', 'admin', 'administrator', 'publisher', 'author', 'auditor', 'customer', 'policy'];

// Built once, on first use: ranking the dictionaries takes a moment. Levenshtein
// matching is left off: it multiplies the time per check by ~10 (~300 ms on this
// machine) and blocks the event loop for it, while the exact and l33t matches
// already catch the common passwords it would add.
let estimator: ZxcvbnFactory | undefined;

function estimate(password: string, userInputs: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
  });
  return estimator.check(password, userInputs);
}

/**
 * Why `password` is too easy to guess, or undefined when it is strong enough.
 * `username` and its parts count as words an attacker knows.
 */
export function weakPasswordReason(password: string, username: string): string | undefined {
  const nameParts = username.split(/[._@-]+/).filter((part) => part.length >= 3);
  const result = estimate(password, [username, ...nameParts, ...SERVICE_WORDS]);
  if (result.score >= MIN_PASSWORD_SCORE) return undefined;
  const why = [result.feedback.warning, ...result.feedback.suggestions].filter((text): text is string => !!text);
  const guessTime = result.crackTimes.offlineSlowHashingXPerSecond.display;
  return (
    `this password is too easy to guess (it could be found in about ${guessTime})` +
    (why.length > 0 ? `: ${why.join(' ')}` : '') +
    '. A few unrelated words make a strong one.'
  );
}
