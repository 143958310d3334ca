import { useRecordContext, useTranslate } from 'react-admin';
import type { Customer } from './customer';

export function CustomerTitle() {
  const translate = useTranslate();
  const record = useRecordContext<Customer>();
  return <span>{record ? translate('tierwise.customers.title', { name: record.name, id: record.id }) : ''}</span>;
}
