// The sign-in throttle's contract (README, Access control). Failures are counted
// in fixed windows that start at the first failure.
//
// - Per user name and client address: 5 failures lock that name from that address
//   for the rest of a 15-minute window. Enough for typos; a guesser at one address
//   gets 20 tries an hour. Someone else, elsewhere, typing the right password is not
//   affected, so the lock is no longer a weapon against a colleague or the last admin.
// - Per user name, from all addresses together: 100 failures per 15 minutes lock the
//   name everywhere. Only a guesser spread over many addresses reaches it; 9,600 guesses
//   a day are nothing against a password zxcvbn scores 3 (10^10 guesses).
// A password change (by the user or an admin) or an admin's unlock lifts both at once.
export const FAILURES_PER_NAME_AND_ADDRESS = 5;
export const FAILURES_PER_NAME = 100;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
