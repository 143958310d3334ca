import { useDataProvider, useNotify, useRedirect, useUpdate } from 'react-admin';
import { fieldErrorsOf } from './field-errors';
import type { User } from './user';

// The api reports every problem of a body at once, each at its field ({ path: '/password', message });
// these saves hand them to the form so each shows under its input (react-admin reads only an object of errors).

type FormErrors = Record<string, string> | undefined;

export interface NewUser {
  username: string;
  role: User['role'];
  password: string;
}

export interface UserChange {
  role: User['role'];
  /** The form asks "may sign in"; the api stores the opposite. */
  disabled: boolean;
  password?: string;
}

export function useCreateUser(): (values: Record<string, unknown>) => Promise<FormErrors> {
  const dataProvider = useDataProvider();
  const notify = useNotify();
  const redirect = useRedirect();
  return async (values) => {
    const { username, role, password } = newUserOf(values);
    try {
      const { data: user } = await dataProvider.create<User>('users', { data: { username, role, password } });
      notify('tierwise.users.created', { type: 'info', messageArgs: { name: user.username } });
      redirect('show', 'users', user.id);
      return undefined;
    } catch (error) {
      return reportErrors(error, notify);
    }
  };
}

export function useUpdateUser(user: User | undefined): (values: Record<string, unknown>) => Promise<FormErrors> {
  const [update] = useUpdate<User>();
  const notify = useNotify();
  const redirect = useRedirect();
  return async (values) => {
    if (!user) return undefined;
    const { role, disabled, password } = userChangeOf(values);
    // Only what may change: an empty new password means "keep the current one".
    const data: UserChange = { role, disabled, ...(password ? { password } : {}) };
    try {
      await update('users', { id: user.id, data, previousData: user }, { mutationMode: 'pessimistic', returnPromise: true });
      notify('tierwise.users.saved', { type: 'info', messageArgs: { name: user.username } });
      redirect('show', 'users', user.id);
      return undefined;
    } catch (error) {
      return reportErrors(error, notify);
    }
  };
}

// The form's values, typed: the inputs hold text, a role from its choices, and a boolean.
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const newUserOf = (values: Record<string, unknown>): NewUser => ({
  username: text(values['username']).trim(),
  role: text(values['role']) as User['role'],
  password: text(values['password']),
});
const userChangeOf = (values: Record<string, unknown>): UserChange => ({
  role: text(values['role']) as User['role'],
  disabled: values['disabled'] === true,
  password: text(values['password']),
});

function reportErrors(error: unknown, notify: ReturnType<typeof useNotify>): FormErrors {
  const fields = fieldErrorsOf(error);
  // Problems with a field are shown under it; the notice only points there.
  if (fields) notify('ra.message.invalid_form', { type: 'error' });
  else notify(error instanceof Error ? error.message : 'ra.notification.http_error', { type: 'error' });
  return fields;
}
