import ReceiptLongIcon from '@mui/icons-material/ReceiptLong';
import type { AuditEvent } from './audit-event';
import { AuditEventList } from './AuditEventList';

// List only: the api has no GET /audit-events/{id}; a row expands in place to its before and after.
export default {
  list: AuditEventList,
  icon: ReceiptLongIcon,
  recordRepresentation: (event: AuditEvent) => `#${event.id} ${event.action}`,
  options: { label: 'tierwise.auditEvents.menu' },
};
