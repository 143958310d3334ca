import type { CustomerView } from './customer-view.js';
import type { CustomerDto } from './dto/customer.dto.js';

/** The only place a stored customer becomes its HTTP shape. */
export function toCustomerDto(view: CustomerView): CustomerDto {
  return {
    id: view.id,
    name: view.name,
    phone: view.phone,
    facts: view.facts,
    tier: view.tier,
    score: view.score,
    policyVersion: view.policyVersion,
    gradedAt: view.gradedAt?.toISOString() ?? null,
    tierOverride: view.tierOverride,
    version: view.version,
    createdAt: view.createdAt.toISOString(),
    updatedAt: view.updatedAt.toISOString(),
  };
}
