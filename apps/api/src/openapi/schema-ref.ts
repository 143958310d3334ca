import type { ReferenceObject } from '@nestjs/swagger';

/** A reference to a named schema under components/schemas (see named-schemas.ts), so generated clients get named types. */
export function schemaRef(name: string): ReferenceObject {
  return { $ref: `#/components/schemas/${name}` };
}

/** An array of a named schema. */
export function arrayOf(name: string): { type: 'array'; items: ReferenceObject } {
  return { type: 'array', items: schemaRef(name) };
}
