import { Stack } from '@mui/material';
import {
  EditButton,
  FunctionField,
  Labeled,
  Link,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { canManageUsers } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { WhenField } from '../tier-history/WhenField';
import { ActorField } from './ActorField';
import { auditAboutUserPath, auditByUserPath } from './audit-links';
import { EnabledField } from './EnabledField';
import { RoleField } from './RoleField';
import { UnlockUserButton } from './UnlockUserButton';
import type { User } from './user';

function UserShowActions() {
  const role = useRole();
  if (!canManageUsers(role)) return <TopToolbar />;
  return (
    <TopToolbar>
      <UnlockUserButton />
      <EditButton label="tierwise.users.edit" />
    </TopToolbar>
  );
}

function AuditLinks() {
  const user = useRecordContext<User>();
  const translate = useTranslate();
  if (!user) return null;
  return (
    <Labeled label="tierwise.users.auditTrail">
      <Stack direction="row" spacing={2}>
        <Link to={auditAboutUserPath(user.username)}>{translate('tierwise.users.auditAbout', { name: user.username })}</Link>
        <Link to={auditByUserPath(user.username)}>{translate('tierwise.users.auditBy', { name: user.username })}</Link>
      </Stack>
    </Labeled>
  );
}

export function UserShow() {
  return (
    <Show actions={<UserShowActions />}>
      <SimpleShowLayout>
        <TextField source="username" label="tierwise.users.fields.username" />
        <FunctionField<User> source="role" label="tierwise.users.fields.role" render={(user) => <RoleField role={user.role} />} />
        <FunctionField<User>
          source="disabled"
          label="tierwise.users.fields.enabled"
          render={(user) => <EnabledField disabled={user.disabled} />}
        />
        <FunctionField<User>
          source="createdBy"
          label="tierwise.users.fields.createdBy"
          render={(user) => <ActorField actor={user.createdBy} />}
        />
        <FunctionField<User>
          source="createdAt"
          label="tierwise.users.fields.createdAt"
          render={(user) => <WhenField at={user.createdAt} />}
        />
        <FunctionField<User>
          source="updatedAt"
          label="tierwise.users.fields.updatedAt"
          render={(user) => <WhenField at={user.updatedAt} />}
        />
        <AuditLinks />
      </SimpleShowLayout>
    </Show>
  );
}
