import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/roles.decorator.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { DatabaseHealth } from '../database/database-health.js';
import { ApiProblems } from '../openapi/problem-openapi.js';
import { schemaRef } from '../openapi/schema-ref.js';

@ApiTags('health')
@Controller()
@Public()
export class HealthController {
  constructor(private readonly database: DatabaseHealth) {}

  /** Liveness: the process serves HTTP. Touches nothing else, so a slow database never gets it restarted. */
  @ApiOperation({ summary: 'Liveness: the process serves HTTP' })
  @ApiOkResponse({ description: 'Alive', schema: schemaRef('Health') })
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and its schema is current. */
  @ApiOperation({ summary: 'Readiness: the database answers and every migration has run' })
  @ApiOkResponse({ description: 'Ready', schema: schemaRef('Readiness') })
  @ApiProblems({ 503: 'not-ready (errors names each migration not applied)' })
  @Get('ready')
  async ready(): Promise<{ status: 'ready' }> {
    const database = await this.database.check();
    if (!database.ok) {
      const errors = database.pendingMigrations.map((name) => ({ path: '/migrations', message: `${name} is not applied` }));
      throw new DomainException(ErrorCode.NotReady, database.reason, errors);
    }
    return { status: 'ready' };
  }
}
