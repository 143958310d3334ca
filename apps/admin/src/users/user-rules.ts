// The api's rules for names and new passwords (apps/api/src/config/app-config.ts). The api checks them
// too, and how guessable a password is; checking here only saves a round trip.
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._@-]{0,63}$/i;
export const MIN_PASSWORD_LENGTH = 12;
