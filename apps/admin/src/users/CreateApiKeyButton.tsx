import AddIcon from '@mui/icons-material/Add';
import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import {
  Alert,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  InputAdornment,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { useState, type FocusEvent, type FormEvent } from 'react';
import { Button, useCreate, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { Role } from '../auth/token-store';
import { fieldErrorsOf } from './field-errors';
import { roleChoices } from './role-choices';
import type { CreatedApiKey } from './user';

interface Draft {
  name: string;
  role: Role;
  /** A local date and time from the input, or empty: the key works until revoked. */
  expiresAt: string;
}

const EMPTY: Draft = { name: '', role: 'agent', expiresAt: '' };

/** Makes an API key; the answer holds the key itself, shown here this once and never again. */
export function CreateApiKeyButton() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [create, { isPending }] = useCreate<CreatedApiKey>();

  const close = () => {
    if (created) refresh();
    setOpen(false);
    setDraft(EMPTY);
    setErrors({});
    setCreated(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const data = { name: draft.name, role: draft.role, expiresAt: draft.expiresAt ? new Date(draft.expiresAt).toISOString() : null };
    void create(
      'api-keys',
      { data },
      {
        onSuccess: (key) => setCreated(key),
        onError: (error) => {
          const fields = fieldErrorsOf(error);
          if (fields) setErrors(fields);
          else notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
        },
      },
    );
  };
  const copy = () => {
    if (created) void navigator.clipboard?.writeText(created.key).then(() => notify('tierwise.users.apiKeys.copied', { type: 'info' }));
  };

  return (
    <>
      <Button label="tierwise.users.apiKeys.create" onClick={() => setOpen(true)}>
        <AddIcon />
      </Button>
      <Dialog open={open} onClose={created ? undefined : close} fullWidth maxWidth="sm" aria-labelledby="create-api-key-title">
        <DialogTitle id="create-api-key-title">{translate('tierwise.users.apiKeys.createTitle')}</DialogTitle>
        {created ? (
          <>
            <DialogContent>
              <Alert severity="warning" sx={{ mb: 2 }}>
                {translate('tierwise.users.apiKeys.shownOnce', { name: created.name })}
              </Alert>
              <TextField
                label={translate('tierwise.users.apiKeys.secret')}
                value={created.key}
                fullWidth
                slotProps={{
                  input: {
                    readOnly: true,
                    sx: { fontFamily: 'monospace' },
                    endAdornment: (
                      <InputAdornment position="end">
                        <IconButton aria-label={translate('tierwise.users.apiKeys.copy')} onClick={copy} edge="end">
                          <ContentCopyIcon />
                        </IconButton>
                      </InputAdornment>
                    ),
                  },
                  htmlInput: { onFocus: (event: FocusEvent<HTMLInputElement>) => event.target.select() },
                }}
              />
            </DialogContent>
            <DialogActions>
              <Button label="tierwise.users.apiKeys.done" onClick={close} variant="contained" />
            </DialogActions>
          </>
        ) : (
          <form onSubmit={submit} noValidate>
            <DialogContent>
              <Stack spacing={2}>
                <TextField
                  label={translate('tierwise.users.apiKeys.fields.name')}
                  value={draft.name}
                  onChange={(event) => setDraft({ ...draft, name: event.target.value })}
                  error={'name' in errors}
                  helperText={errors['name'] ?? translate('tierwise.users.apiKeys.nameHelp')}
                  required
                  autoFocus
                />
                <TextField
                  select
                  label={translate('tierwise.users.apiKeys.fields.role')}
                  value={draft.role}
                  onChange={(event) => setDraft({ ...draft, role: event.target.value as Role })}
                  error={'role' in errors}
                  helperText={errors['role']}
                >
                  {roleChoices.map((choice) => (
                    <MenuItem key={choice.id} value={choice.id}>
                      {translate(choice.name)}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  type="datetime-local"
                  label={translate('tierwise.users.apiKeys.fields.expiresAt')}
                  value={draft.expiresAt}
                  onChange={(event) => setDraft({ ...draft, expiresAt: event.target.value })}
                  error={'expiresAt' in errors}
                  helperText={errors['expiresAt'] ?? translate('tierwise.users.apiKeys.expiresHelp')}
                  slotProps={{ inputLabel: { shrink: true } }}
                />
              </Stack>
            </DialogContent>
            <DialogActions>
              <Button label="ra.action.cancel" onClick={close} />
              <Button
                label="tierwise.users.apiKeys.create"
                type="submit"
                variant="contained"
                disabled={isPending || draft.name.trim() === ''}
              />
            </DialogActions>
          </form>
        )}
      </Dialog>
    </>
  );
}
