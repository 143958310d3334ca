import type { AuditEventEntity } from './audit-event.entity.js';
import type { AuditEventDto } from './dto/audit-event.dto.js';

/** The only place a stored audit event becomes its HTTP (and CSV) shape. */
export function toAuditEventDto(event: AuditEventEntity): AuditEventDto {
  return {
    // bigserial: pg returns int8 as text; ids stay far below 2^53.
    id: Number(event.id),
    at: event.at.toISOString(),
    actor: event.actor,
    action: event.action,
    target: event.target,
    summary: event.summary,
    requestId: event.requestId,
  };
}
