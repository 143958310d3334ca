// The audit log filtered on one user: what was done to them, and what they did.
const auditListPath = (filter: Record<string, string>) =>
  `/audit-events?${new URLSearchParams({ filter: JSON.stringify(filter) }).toString()}`;

export const auditAboutUserPath = (username: string) => auditListPath({ target: `user:${username}` });
export const auditByUserPath = (username: string) => auditListPath({ actor: `user:${username}` });
