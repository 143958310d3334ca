// What an audit row concerns, from its `target`: `customer:C-1001`, `policy:default@3`, `user:alice`,
// `api-key:<uuid>`, or a collection such as `customers` (an import).
export type AuditTarget =
  | { kind: 'customer'; customerId: string }
  | { kind: 'policy-version'; policyId: string; version: number }
  | { kind: 'user'; username: string }
  | { kind: 'api-key'; id: string }
  | { kind: 'other'; text: string };

const POLICY_VERSION = /^policy:(?<policyId>.+)@(?<version>\d+)$/;

export function parseAuditTarget(target: string): AuditTarget {
  const policy = POLICY_VERSION.exec(target)?.groups;
  if (policy?.['policyId'] && policy['version'])
    return { kind: 'policy-version', policyId: policy['policyId'], version: Number(policy['version']) };
  const [kind, ...rest] = target.split(':');
  const value = rest.join(':');
  if (value === '') return { kind: 'other', text: target };
  if (kind === 'customer') return { kind: 'customer', customerId: value };
  if (kind === 'user') return { kind: 'user', username: value };
  if (kind === 'api-key') return { kind: 'api-key', id: value };
  return { kind: 'other', text: target };
}
