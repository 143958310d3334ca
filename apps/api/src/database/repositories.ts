import { AuditRepository } from '../audit/audit.repository.js';
import { CustomersRepository } from '../customers/customers.repository.js';
import { TierAssignmentRepository } from '../decisions/tier-assignment.repository.js';
import { PolicyVersionRepository } from '../policies/policy-version.repository.js';
import { TierHistoryRepository } from '../tier-history/tier-history.repository.js';

export const REPOSITORIES = [
  AuditRepository,
  CustomersRepository,
  PolicyVersionRepository,
  TierAssignmentRepository,
  TierHistoryRepository,
];
