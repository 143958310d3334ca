import {
  BooleanInput,
  Edit,
  PasswordInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  Toolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import { AdminOnly } from './AdminOnly';
import { roleChoices } from './role-choices';
import { useUpdateUser } from './use-user-save';
import { MIN_PASSWORD_LENGTH } from './user-rules';
import type { User } from './user';

export function UserEdit() {
  return (
    <AdminOnly>
      <Edit mutationMode="pessimistic" title="tierwise.users.edit">
        <UserEditForm />
      </Edit>
    </AdminOnly>
  );
}

// Users are never deleted (their name stays in the audit trail): disable them instead.
function SaveOnlyToolbar() {
  return (
    <Toolbar>
      <SaveButton />
    </Toolbar>
  );
}

function UserEditForm() {
  const user = useRecordContext<User>();
  const translate = useTranslate();
  const save = useUpdateUser(user);
  const passwordLength = (value: string | undefined) =>
    value && value.length < MIN_PASSWORD_LENGTH ? translate('tierwise.users.passwordRule', { min: MIN_PASSWORD_LENGTH }) : undefined;
  return (
    <SimpleForm onSubmit={save} toolbar={<SaveOnlyToolbar />}>
      <SelectInput source="role" label="tierwise.users.fields.role" choices={roleChoices} />
      <BooleanInput
        source="disabled"
        label="tierwise.users.fields.enabled"
        helperText="tierwise.users.enabledHelp"
        format={(disabled: boolean | undefined) => !disabled}
        parse={(enabled: boolean) => !enabled}
      />
      <PasswordInput
        source="password"
        label="tierwise.users.fields.newPassword"
        validate={passwordLength}
        helperText={translate('tierwise.users.newPasswordHelp', { min: MIN_PASSWORD_LENGTH })}
        autoComplete="new-password"
      />
    </SimpleForm>
  );
}
