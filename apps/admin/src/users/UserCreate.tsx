import { Create, PasswordInput, required, SelectInput, SimpleForm, TextInput, useTranslate } from 'react-admin';
import { AdminOnly } from './AdminOnly';
import { roleChoices } from './role-choices';
import { useCreateUser } from './use-user-save';
import { MIN_PASSWORD_LENGTH, USERNAME_PATTERN } from './user-rules';

export function UserCreate() {
  return (
    <AdminOnly>
      <Create title="tierwise.users.create">
        <UserCreateForm />
      </Create>
    </AdminOnly>
  );
}

function UserCreateForm() {
  const translate = useTranslate();
  const save = useCreateUser();
  const usernameRule = (value: string | undefined) =>
    value && !USERNAME_PATTERN.test(value.trim()) ? 'tierwise.users.usernameRule' : undefined;
  const passwordLength = (value: string | undefined) =>
    value && value.length < MIN_PASSWORD_LENGTH ? translate('tierwise.users.passwordRule', { min: MIN_PASSWORD_LENGTH }) : undefined;
  return (
    <SimpleForm onSubmit={save} defaultValues={{ role: 'author' }}>
      <TextInput source="username" label="tierwise.users.fields.username" validate={[required(), usernameRule]} autoComplete="off" />
      <SelectInput source="role" label="tierwise.users.fields.role" choices={roleChoices} validate={required()} />
      <PasswordInput
        source="password"
        label="tierwise.users.fields.password"
        validate={[required(), passwordLength]}
        helperText={translate('tierwise.users.passwordHelp', { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
      />
    </SimpleForm>
  );
}
