import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Serves the OpenAPI document at /api/docs. Filled in by the API hygiene work. */
export function setupOpenApi(_app: NestFastifyApplication): void {}
