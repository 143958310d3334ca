import { AuditEventEntity } from '../audit/audit-event.entity.js';
import { ApiKeyEntity } from '../auth/api-key.entity.js';
import { UserEntity } from '../auth/user.entity.js';
import { CustomerEntity } from '../customers/customer.entity.js';
import { TierAssignmentEntity } from '../decisions/tier-assignment.entity.js';
import { PolicyVersionEntity } from '../policies/policy-version.entity.js';
import { PolicyEntity } from '../policies/policy.entity.js';
import { TierHistoryEntity } from '../tier-history/tier-history.entity.js';

export const ENTITIES = [
  CustomerEntity,
  PolicyEntity,
  PolicyVersionEntity,
  TierAssignmentEntity,
  TierHistoryEntity,
  AuditEventEntity,
  UserEntity,
  ApiKeyEntity,
];
