import { CreateButton, DataTable, FilterButton, List, SearchInput, SelectArrayInput, TopToolbar, useTranslate } from 'react-admin';
import { canManageUsers } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { WhenField } from '../tier-history/WhenField';
import { ActorField } from './ActorField';
import { ApiKeysPanel } from './ApiKeysPanel';
import { EnabledField } from './EnabledField';
import { roleChoices } from './role-choices';
import { RoleField } from './RoleField';
import type { User } from './user';

const Col = DataTable.Col<User>;

// GET /users takes q (text in the name) and role (apps/api/src/auth/list-query.ts).
function useUserFilters() {
  const translate = useTranslate();
  const search = translate('tierwise.users.search');
  return [
    <SearchInput key="q" source="q" alwaysOn placeholder={search} aria-label={search} />,
    <SelectArrayInput key="role" source="role" label="tierwise.users.fields.role" choices={roleChoices} alwaysOn />,
  ];
}

function UserListActions() {
  const role = useRole();
  return (
    <TopToolbar>
      <FilterButton />
      {canManageUsers(role) && <CreateButton label="tierwise.users.create" />}
    </TopToolbar>
  );
}

/**
 * Console users (admins manage them, auditors read) and, below, the API keys of calling systems.
 * The api does not say whether a name is locked out of signing in; an admin can always lift the locks.
 */
export function UserList() {
  const userFilters = useUserFilters();
  return (
    <>
      <List
        filters={userFilters}
        sort={{ field: 'username', order: 'ASC' }}
        perPage={25}
        exporter={false}
        actions={<UserListActions />}
        title="tierwise.users.title"
      >
        <DataTable rowClick="show" bulkActionButtons={false}>
          <Col source="username" label="tierwise.users.fields.username" />
          <Col source="role" label="tierwise.users.fields.role" render={(user) => <RoleField role={user.role} />} />
          <Col source="disabled" label="tierwise.users.fields.enabled" render={(user) => <EnabledField disabled={user.disabled} />} />
          <Col
            source="createdBy"
            label="tierwise.users.fields.createdBy"
            disableSort
            render={(user) => <ActorField actor={user.createdBy} />}
          />
          <Col source="updatedAt" label="tierwise.users.fields.updatedAt" render={(user) => <WhenField at={user.updatedAt} />} />
        </DataTable>
      </List>
      <ApiKeysPanel />
    </>
  );
}
