import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { Roles } from '../../auth/roles.decorator.js';
import { actorOf } from '../../common/actor.js';
import { API_V1 } from '../../common/api-prefix.js';
import type { ImportResultDto } from '../dto/import-result.dto.js';
import { ApiProblems } from '../../openapi/problem-openapi.js';
import { schemaRef } from '../../openapi/schema-ref.js';
import { CustomersImportService } from './customers-import.service.js';
import { importTooLarge } from './import-errors.js';
import { importFormatOf } from './import-format.js';
import { IMPORT_BODY_LIMIT_BYTES } from './import-limits.js';

@ApiTags('customers')
@Controller(`${API_V1}/customers`)
export class CustomersImportController {
  constructor(private readonly imports: CustomersImportService) {}

  /**
   * Creates or replaces many customers from JSON lines (application/x-ndjson)
   * or CSV (text/csv). 200 with counts when every row passed; 422 listing each
   * problem by line, with nothing written, when any did not.
   */
  @Post('import')
  @Roles('admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Create or replace many customers from JSON lines or CSV, all or nothing' })
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiOkResponse({ description: 'Every row was written', schema: schemaRef('ImportResult') })
  @ApiProblems({
    413: 'payload-too-large (more than 64 MiB or 100,000 rows)',
    415: 'unsupported-media-type (send application/x-ndjson or text/csv)',
    422: 'import-rejected (errors lists each problem by line; totalErrors, rowsRejected and rowsRead count them)',
    503: 'no-active-policy',
  })
  @ApiBody({
    description:
      'JSON lines: one {"id","name","facts"} per line (customerId is accepted for id). ' +
      "CSV: a header row id,name,<fact>... then one customer per row; cells are read by the facts' types. UTF-8, at most 64 MiB and 100,000 rows.",
    schema: { type: 'string', format: 'binary' },
  })
  async import(@Req() request: FastifyRequest): Promise<ImportResultDto> {
    const format = importFormatOf(request.headers['content-type']);
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > IMPORT_BODY_LIMIT_BYTES) throw importTooLarge('bytes');
    return this.imports.import(bodyStream(request.body), { format, actor: actorOf(request), requestId: request.id });
  }
}

// The import content-type parser hands the raw stream through (import-content-types.ts); no body at all is an empty file.
function bodyStream(body: unknown): AsyncIterable<Buffer | string> {
  if (body instanceof Readable) return body;
  if (typeof body === 'string' || Buffer.isBuffer(body)) return Readable.from([body]);
  return Readable.from([]);
}
