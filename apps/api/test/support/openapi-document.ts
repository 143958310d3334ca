import type { TestApp } from './test-app.js';

export interface OpenApiSchema {
  $ref?: string;
  required?: string[];
  properties?: Record<string, unknown>;
}

export interface OpenApiOperation {
  tags?: string[];
  'x-roles'?: string[];
  requestBody?: { content: Record<string, { schema: OpenApiSchema }> };
  responses: Record<string, { content?: Record<string, { schema: OpenApiSchema }> }>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, OpenApiSchema> };
}

export async function openApiDocument(t: TestApp): Promise<OpenApiDocument> {
  return (await t.app.inject({ method: 'GET', url: '/api/docs-json' })).json<OpenApiDocument>();
}

/** The schema itself, or the named one under components that it refers to. */
export function resolved(document: OpenApiDocument, schema: OpenApiSchema | undefined): OpenApiSchema | undefined {
  const name = schema?.$ref?.replace('#/components/schemas/', '');
  return name === undefined ? schema : document.components.schemas[name];
}
