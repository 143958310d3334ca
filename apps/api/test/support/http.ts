import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Problem } from '../../src/common/problem.js';
import type { CustomerInput } from './customer.factory.js';

export async function putCustomer(app: NestFastifyApplication, customer: CustomerInput, headers: Record<string, string> = {}) {
  return app.inject({
    method: 'PUT',
    url: `/api/v1/customers/${encodeURIComponent(customer.id)}`,
    payload: { name: customer.name, facts: customer.facts },
    headers,
  });
}

/** Query string for the ra-data-simple-rest dialect. */
export function listQuery(params: { sort?: unknown; range?: unknown; filter?: unknown }): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, JSON.stringify(value));
  return query.toString();
}

/** The JSON pointers a problem+json answer lists as field errors, sorted. */
export function errorPaths(response: { json<T>(): T }): string[] {
  return (response.json<Problem>().errors ?? []).map((error) => error.path).sort();
}
