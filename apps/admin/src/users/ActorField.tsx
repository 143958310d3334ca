import { useTranslate } from 'react-admin';
import { canReadAudit } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { RowLink } from '../tier-history/RowLink';
import { userPath } from '../tier-history/console-paths';
import { parseActor } from './actor';

/** Who acted: a user links to their page (for the roles that have the users pages), anything else is text. */
export function ActorField({ actor }: { actor: string }) {
  const translate = useTranslate();
  const role = useRole();
  const parsed = parseActor(actor);
  switch (parsed.kind) {
    case 'user':
      return canReadAudit(role) ? (
        <RowLink to={userPath(parsed.username)} label={translate('tierwise.users.actor.userLink', { name: parsed.username })}>
          {parsed.username}
        </RowLink>
      ) : (
        <span>{parsed.username}</span>
      );
    case 'api-key':
      return <span>{translate('tierwise.users.actor.apiKey', { name: parsed.name })}</span>;
    case 'system':
      return <span>{translate('tierwise.users.actor.system')}</span>;
    default:
      return <span>{parsed.text}</span>;
  }
}
