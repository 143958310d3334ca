// The actions the api records (grep "action: '" in apps/api/src). The filter offers these; a row
// with an action not listed here still shows, by its code.
export const AUDIT_ACTIONS = [
  'customer.create',
  'customer.update',
  'customer.tier-override.set',
  'customer.tier-override.clear',
  'customers.import',
  'customers.seed-demo',
  'policy.draft.create',
  'policy.draft.update',
  'policy.draft.delete',
  'policy.publish',
  'policy.rollback',
  'user.create',
  'user.update',
  'user.unlock',
  'user.password-change',
  'api-key.create',
  'api-key.revoke',
  'auth.login',
  'auth.login-failed',
] as const;

/** Message key of an action's label: dots would nest in the messages tree, so they and dashes become underscores. */
export const auditActionKey = (action: string) => `tierwise.auditEvents.action.${action.replace(/[.-]/g, '_')}`;

export const auditActionChoices = AUDIT_ACTIONS.map((action) => ({ id: action, name: auditActionKey(action) }));
