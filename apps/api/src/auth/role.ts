// The five roles of issue 3. An admin may do everything; every other role is
// listed explicitly on each route it may use.
export const ROLES = ['admin', 'author', 'publisher', 'auditor', 'agent'] as const;
export type Role = (typeof ROLES)[number];

/** Who may read customers, policies and history: everyone but the call-centre agent. */
export const READERS: readonly Role[] = ['admin', 'author', 'publisher', 'auditor'];
/** Who may read a decision: every role (agents live on this path). */
export const EVERYONE: readonly Role[] = ROLES;
