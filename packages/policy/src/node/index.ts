// Node-only helpers (file system); the core package stays runtime-neutral.
export { loadPolicyDocument, PolicyLoadError } from './load-policy.js';
