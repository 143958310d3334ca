// Where the console shows the things history and audit rows refer to (routes in App.tsx).
export const customerPath = (customerId: string) => `/customers/${encodeURIComponent(customerId)}/show`;
export const policyVersionPath = (policyId: string, version: number) => `/policies/${encodeURIComponent(policyId)}/versions/${version}`;
export const userPath = (username: string) => `/users/${encodeURIComponent(username)}/show`;
