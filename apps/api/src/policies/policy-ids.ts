// Customers are graded by the published version of this policy. Issue 3 has a
// single tiering policy; choosing among several is a later change, made here.
export const ACTIVE_POLICY_ID = 'default';
