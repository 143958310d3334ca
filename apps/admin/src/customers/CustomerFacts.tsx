import { Alert, Table, TableBody, TableCell, TableRow, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { Customer } from './customer';
import { factValueText } from './fact-value-text';
import { usePolicyInForce } from './use-policy-document';

const T = 'tierwise.customers.show';

/** The customer's facts, in the policy's order and words; absent optional facts show the default they take. */
export function CustomerFacts() {
  const translate = useTranslate();
  const record = useRecordContext<Customer>();
  const { facts: catalogue, document, localize } = usePolicyInForce();
  if (!record) return null;
  const yesNo = (value: boolean) => translate(value ? 'tierwise.customers.yes' : 'tierwise.customers.no');
  const known = new Set(catalogue.map(([name]) => name));
  const others = Object.keys(record.facts).filter((name) => !known.has(name));
  const rows: [string, string, string][] = catalogue.map(([name, definition]) => {
    const value = record.facts[name];
    const label = localize(definition.label, name);
    if (value !== undefined) return [name, label, factValueText(definition, value, localize, yesNo)];
    if (definition.default !== undefined) {
      const fallback = factValueText(definition, definition.default, localize, yesNo);
      return [name, label, translate(`${T}.defaultValue`, { value: fallback })];
    }
    return [name, label, '—'];
  });
  // Without the policy's catalogue (loading, or nothing published) the stored facts are shown as they are.
  if (document === null || (document === undefined && rows.length === 0)) {
    for (const name of Object.keys(record.facts)) rows.push([name, name, factValueText(undefined, record.facts[name], localize, yesNo)]);
  }
  return (
    <>
      <Table size="small" aria-label={translate(`${T}.facts`)}>
        <TableBody>
          {rows.map(([name, label, value]) => (
            <TableRow key={name}>
              <TableCell component="th" scope="row" sx={{ width: '50%' }}>
                {label}
              </TableCell>
              <TableCell data-fact={name}>{value}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {document && others.length > 0 && (
        <Alert severity="info" sx={{ mt: 1 }}>
          <Typography variant="body2">{translate(`${T}.factsNotInPolicy`, { facts: others.join(', ') })}</Typography>
        </Alert>
      )}
    </>
  );
}
