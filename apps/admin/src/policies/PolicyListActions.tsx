import { TopToolbar } from 'react-admin';
import { canAuthorPolicies } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { CreatePolicyButton } from './CreatePolicyButton';

/** Above the policies list: authors (and admins) create a policy. */
export function PolicyListActions() {
  const role = useRole();
  return <TopToolbar>{canAuthorPolicies(role) && <CreatePolicyButton />}</TopToolbar>;
}
