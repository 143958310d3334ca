// The pino logger, injectable; created before Nest so boot messages use it too.
export const LOGGER = Symbol('LOGGER');
