import type { Role } from './token-store';

// What each role may do in the console. The api enforces the same rules (apps/api/src/**/*.controller.ts);
// these only hide controls a user could not use. An auditor sees everything and changes nothing.
export const canEditCustomers = (role: Role | undefined) => role === 'admin';
export const canImportCustomers = (role: Role | undefined) => role === 'admin';
export const canOverrideTier = (role: Role | undefined) => role === 'admin' || role === 'publisher';
export const canAuthorPolicies = (role: Role | undefined) => role === 'admin' || role === 'author';
export const canTestPolicies = (role: Role | undefined) => role !== 'agent' && role !== undefined;
export const canPublishPolicies = (role: Role | undefined) => role === 'admin' || role === 'publisher';
export const canManageUsers = (role: Role | undefined) => role === 'admin';
export const canReadAudit = (role: Role | undefined) => role === 'admin' || role === 'auditor';
export const isAgent = (role: Role | undefined) => role === 'agent';
