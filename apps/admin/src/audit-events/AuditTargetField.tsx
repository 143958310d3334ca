import { useTranslate } from 'react-admin';
import { customerPath, userPath } from '../tier-history/console-paths';
import { PolicyVersionLink } from '../tier-history/PolicyVersionLink';
import { RowLink } from '../tier-history/RowLink';
import { parseAuditTarget } from './audit-target';

/** What an audit row concerns, linked to its page: a customer, a policy version or a user. */
export function AuditTargetField({ target }: { target: string }) {
  const translate = useTranslate();
  const parsed = parseAuditTarget(target);
  switch (parsed.kind) {
    case 'customer':
      return (
        <RowLink to={customerPath(parsed.customerId)} label={translate('tierwise.auditEvents.target.customer', { id: parsed.customerId })}>
          {translate('tierwise.auditEvents.target.customer', { id: parsed.customerId })}
        </RowLink>
      );
    case 'policy-version':
      return <PolicyVersionLink policyId={parsed.policyId} version={parsed.version} />;
    case 'user':
      return (
        <RowLink to={userPath(parsed.username)} label={translate('tierwise.auditEvents.target.user', { name: parsed.username })}>
          {translate('tierwise.auditEvents.target.user', { name: parsed.username })}
        </RowLink>
      );
    case 'api-key':
      // API keys are listed on the users page; their names, not ids, appear elsewhere.
      return <span title={parsed.id}>{translate('tierwise.auditEvents.target.apiKey', { id: parsed.id.slice(0, 8) })}</span>;
    default:
      return <span>{parsed.text}</span>;
  }
}
