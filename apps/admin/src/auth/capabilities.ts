import type { Role } from './token-store';

// What each role may do in the console. The api enforces the same rules (apps/api/src/**/*.controller.ts);
// these only hide controls a user could not use. An auditor sees everything and changes nothing.
export const canEditCustomers = (role: Role | undefined) => role === 'admin';
export const canImportCustomers = (role: Role | undefined) => role === 'admin';
export const canOverrideTier = (role: Role | undefined) => role === 'admin' || role === 'publisher';
export const canAuthorPolicies = (role: Role | undefined) => role === 'admin' || role === 'author';
export const canTestPolicies = (role: Role | undefined) => role !== 'agent' && role !== undefined;
export const canPublishPolicies = (role: Role | undefined) => role === 'admin' || role === 'publisher';
// Grading runs: every role but the agent reads them; re-grading by hand is a publisher's act; a simulation
// writes nothing, so authors run it on their drafts as publishers do.
export const canReadGradingRuns = (role: Role | undefined) => role !== 'agent' && role !== undefined;
export const canStartGradingRuns = (role: Role | undefined) => role === 'admin' || role === 'publisher';
export const canSimulatePolicies = (role: Role | undefined) => role === 'admin' || role === 'author' || role === 'publisher';
export const canManageUsers = (role: Role | undefined) => role === 'admin';
export const canReadAudit = (role: Role | undefined) => role === 'admin' || role === 'auditor';
export const isAgent = (role: Role | undefined) => role === 'agent';
