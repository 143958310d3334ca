import LockOpenIcon from '@mui/icons-material/LockOpen';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Confirm, useNotify, useRecordContext } from 'react-admin';
import { requestJson } from '../api/http-client';
import type { User } from './user';

/**
 * Lifts the sign-in locks on the user's name (POST /users/{name}/unlock), e.g. for someone locked out by
 * another person's guesses. The api does not say whether a name is locked, so the button is always there.
 */
export function UnlockUserButton() {
  const user = useRecordContext<User>();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const { mutate, isPending } = useMutation({
    mutationFn: (username: string) => requestJson<User>(`/users/${encodeURIComponent(username)}/unlock`, { method: 'POST' }),
    onSuccess: (unlocked) => {
      setOpen(false);
      notify('tierwise.users.unlocked', { type: 'info', messageArgs: { name: unlocked.username } });
    },
    onError: (error) => notify(error.message, { type: 'error' }),
  });
  if (!user) return null;
  return (
    <>
      <Button label="tierwise.users.unlock" onClick={() => setOpen(true)}>
        <LockOpenIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={isPending}
        title="tierwise.users.unlockTitle"
        content="tierwise.users.unlockContent"
        titleTranslateOptions={{ name: user.username }}
        contentTranslateOptions={{ name: user.username }}
        confirm="tierwise.users.unlock"
        onConfirm={() => mutate(user.username)}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
