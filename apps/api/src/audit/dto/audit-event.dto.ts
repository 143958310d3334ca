/** One audit event over HTTP. */
export interface AuditEventDto {
  id: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
  requestId: string | null;
}
