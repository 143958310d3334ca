/** One row of GET /audit-events (apps/api/src/audit/dto/audit-event.dto.ts). */
export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
  requestId: string | null;
}
