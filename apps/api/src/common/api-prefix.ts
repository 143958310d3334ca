// Business routes are versioned; /health and /ready are not (probes outlive API versions).
export const API_V1 = 'api/v1';
