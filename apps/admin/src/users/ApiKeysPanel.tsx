import { Box, Chip, Typography } from '@mui/material';
import { DataTable, List, TopToolbar, useTranslate } from 'react-admin';
import { canManageUsers } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import { WhenField } from '../tier-history/WhenField';
import { ActorField } from './ActorField';
import { apiKeyStatus } from './api-key-status';
import { CreateApiKeyButton } from './CreateApiKeyButton';
import { RevokeApiKeyButton } from './RevokeApiKeyButton';
import { RoleField } from './RoleField';
import type { ApiKey } from './user';

const Col = DataTable.Col<ApiKey>;

function ApiKeyActions() {
  const role = useRole();
  return <TopToolbar>{canManageUsers(role) && <CreateApiKeyButton />}</TopToolbar>;
}

const when = (at: string | null) => (at === null ? '—' : <WhenField at={at} />);

/**
 * API keys of calling systems (IVR, agent desktops), on the users page: admins make and revoke them,
 * auditors read. Its own list state, not the page's address, which belongs to the users list above.
 */
export function ApiKeysPanel() {
  const translate = useTranslate();
  const role = useRole();
  return (
    <Box component="section" aria-labelledby="api-keys-heading" sx={{ mt: 4 }}>
      <Typography id="api-keys-heading" variant="h6" component="h2">
        {translate('tierwise.users.apiKeys.title')}
      </Typography>
      <List
        resource="api-keys"
        disableSyncWithLocation
        storeKey={false}
        sort={{ field: 'createdAt', order: 'DESC' }}
        perPage={25}
        exporter={false}
        actions={<ApiKeyActions />}
        title={false}
        empty={false}
      >
        <DataTable
          rowClick={false}
          bulkActionButtons={false}
          empty={
            <Typography variant="body2" sx={{ p: 2 }}>
              {translate('tierwise.users.apiKeys.none')}
            </Typography>
          }
        >
          <Col source="name" label="tierwise.users.apiKeys.fields.name" />
          <Col source="prefix" label="tierwise.users.apiKeys.fields.prefix" disableSort render={(key) => <code>{key.prefix}…</code>} />
          <Col source="role" label="tierwise.users.apiKeys.fields.role" render={(key) => <RoleField role={key.role} />} />
          <Col
            source="revokedAt"
            label="tierwise.users.apiKeys.fields.status"
            render={(key) => {
              const status = apiKeyStatus(key);
              return (
                <Chip
                  size="small"
                  color={status === 'live' ? 'success' : 'default'}
                  label={translate(`tierwise.users.apiKeys.status.${status}`)}
                />
              );
            }}
          />
          <Col source="createdAt" label="tierwise.users.apiKeys.fields.createdAt" render={(key) => when(key.createdAt)} />
          <Col
            source="createdBy"
            label="tierwise.users.apiKeys.fields.createdBy"
            disableSort
            render={(key) => <ActorField actor={key.createdBy} />}
          />
          <Col source="lastUsedAt" label="tierwise.users.apiKeys.fields.lastUsedAt" render={(key) => when(key.lastUsedAt)} />
          <Col source="expiresAt" label="tierwise.users.apiKeys.fields.expiresAt" disableSort render={(key) => when(key.expiresAt)} />
          {canManageUsers(role) && (
            <Col
              label="tierwise.users.apiKeys.fields.actions"
              disableSort
              render={(key) => (apiKeyStatus(key) === 'live' ? <RevokeApiKeyButton apiKey={key} /> : null)}
            />
          )}
        </DataTable>
      </List>
    </Box>
  );
}
