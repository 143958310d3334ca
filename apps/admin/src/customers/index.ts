import PeopleIcon from '@mui/icons-material/People';
import type { Customer } from './customer';
import { CustomerEdit } from './CustomerEdit';
import { CustomerList } from './CustomerList';
import { CustomerShow } from './CustomerShow';

// Customers are created and replaced by PUT (edit) and by bulk import (a dialog on the list); there is no create page.
export default {
  list: CustomerList,
  show: CustomerShow,
  edit: CustomerEdit,
  icon: PeopleIcon,
  recordRepresentation: (record: Customer) => `${record.name} (${record.id})`,
};
