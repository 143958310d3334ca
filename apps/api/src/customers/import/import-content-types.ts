import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { IMPORT_MEDIA_TYPES } from './import-format.js';

/**
 * Hands import bodies (JSON lines, CSV) to the route as the raw stream, so
 * rows are checked as they arrive instead of after buffering the whole file.
 * Fastify's bodyLimit does not apply to a stream it does not read: the import
 * counts bytes itself (read-limited.ts) and answers 413 past its limit.
 */
export function registerImportContentTypes(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addContentTypeParser(Object.keys(IMPORT_MEDIA_TYPES), (_request, payload, done) => done(null, payload));
}
