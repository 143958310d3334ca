import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/roles.decorator.js';
import { DomainException } from '../common/domain.exception.js';
import { ErrorCode } from '../common/error-code.js';
import { DatabaseHealth } from '../database/database-health.js';

@Controller()
@Public()
export class HealthController {
  constructor(private readonly database: DatabaseHealth) {}

  /** Liveness: the process serves HTTP. Touches nothing else, so a slow database never gets it restarted. */
  @Get('health')
  health(): { status: 'ok' } {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and its schema is current. */
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
