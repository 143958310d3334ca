import { Alert, AlertTitle, Button, Typography } from '@mui/material';
import {
  Edit,
  maxLength,
  required,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { canEditCustomers } from '../auth/capabilities';
import { useRole } from '../auth/use-role';
import type { Customer } from './customer';
import { CustomerTitle } from './CustomerTitle';
import { FactInput } from './FactInput';
import { validatePhone } from './phone';
import { usePolicyInForce } from './use-policy-document';
import { useSaveCustomer } from './use-save-customer';

const T = 'tierwise.customers.edit';
const validateName = [required(), maxLength(200)];

/** Admins edit a customer's name, phone and facts; the form is built from the fact catalogue of the policy in force. */
export function CustomerEdit() {
  const translate = useTranslate();
  const role = useRole();
  if (role !== undefined && !canEditCustomers(role)) return <Alert severity="info">{translate(`${T}.notAllowed`)}</Alert>;
  return (
    <Edit<Customer> title={<CustomerTitle />} actions={false} mutationMode="pessimistic">
      <CustomerForm />
    </Edit>
  );
}

function CustomerForm() {
  const translate = useTranslate();
  const refresh = useRefresh();
  const record = useRecordContext<Customer>();
  const policy = usePolicyInForce();
  const factNames = policy.facts.map(([name]) => name);
  const { save, unplaced, conflict } = useSaveCustomer(record, factNames);
  const unknownFacts = record && policy.document ? Object.keys(record.facts).filter((name) => !factNames.includes(name)) : [];
  return (
    <SimpleForm
      onSubmit={save}
      mode="onChange"
      reValidateMode="onChange"
      warnWhenUnsavedChanges
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      {conflict && (
        <Alert
          severity="warning"
          role="alert"
          sx={{ width: '100%' }}
          action={
            <Button color="inherit" size="small" onClick={refresh}>
              {translate(`${T}.reload`)}
            </Button>
          }
        >
          <AlertTitle>{translate(`${T}.conflict`)}</AlertTitle>
          {conflict}
        </Alert>
      )}
      {unplaced.length > 0 && (
        <Alert severity="error" role="alert" sx={{ width: '100%' }}>
          <AlertTitle>{translate(`${T}.refused`)}</AlertTitle>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {unplaced.map((problem, index) => (
              <li key={index}>{problem.path ? `${problem.path}: ${problem.message}` : problem.message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <TextInput source="id" label="tierwise.customers.fields.id" readOnly />
      <TextInput source="name" label="tierwise.customers.fields.name" validate={validateName} fullWidth />
      <TextInput source="phone" label="tierwise.customers.fields.phone" validate={validatePhone} helperText={`${T}.phoneHelp`} />
      <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
        {translate(`${T}.facts`)}
      </Typography>
      {policy.isPending && <Typography variant="body2">{translate('ra.page.loading')}</Typography>}
      {policy.document === null && <Alert severity="warning">{translate(`${T}.noPolicy`)}</Alert>}
      {policy.facts.map(([name, definition]) => (
        <FactInput key={name} name={name} definition={definition} localize={policy.localize} />
      ))}
      {unknownFacts.length > 0 && (
        <Alert severity="warning" sx={{ width: '100%' }}>
          {translate(`${T}.unknownFacts`, { facts: unknownFacts.join(', ') })}
        </Alert>
      )}
    </SimpleForm>
  );
}
