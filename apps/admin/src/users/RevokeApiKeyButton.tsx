import BlockIcon from '@mui/icons-material/Block';
import { useState, type MouseEvent } from 'react';
import { Button, Confirm, useDelete, useNotify, useTranslate } from 'react-admin';
import type { ApiKey } from './user';

/** Revokes a key after a confirmation naming it; the record stays, for the audit trail. */
export function RevokeApiKeyButton({ apiKey }: { apiKey: ApiKey }) {
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [remove, { isPending }] = useDelete<ApiKey>();
  const stop = (event: MouseEvent) => event.stopPropagation();
  const revoke = () => {
    void remove(
      'api-keys',
      { id: apiKey.id, previousData: apiKey },
      {
        onSuccess: () => {
          setOpen(false);
          notify('tierwise.users.apiKeys.revoked', { type: 'info', messageArgs: { name: apiKey.name } });
        },
        onError: (error) => notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' }),
      },
    );
  };
  return (
    <span onClick={stop}>
      <Button
        label="tierwise.users.apiKeys.revoke"
        aria-label={translate('tierwise.users.apiKeys.revokeNamed', { name: apiKey.name })}
        color="error"
        onClick={() => setOpen(true)}
      >
        <BlockIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="tierwise.users.apiKeys.revokeTitle"
        content="tierwise.users.apiKeys.revokeContent"
        titleTranslateOptions={{ name: apiKey.name }}
        contentTranslateOptions={{ name: apiKey.name }}
        confirm="tierwise.users.apiKeys.revoke"
        onConfirm={revoke}
        onClose={() => setOpen(false)}
      />
    </span>
  );
}
