// How tier history and audit rows name who acted: `user:alice`, `api-key:ivr-prod`, `system`, `anonymous`.
export type Actor =
  { kind: 'user'; username: string } | { kind: 'api-key'; name: string } | { kind: 'system' } | { kind: 'other'; text: string };

export function parseActor(actor: string): Actor {
  if (actor.startsWith('user:') && actor.length > 5) return { kind: 'user', username: actor.slice(5) };
  if (actor.startsWith('api-key:') && actor.length > 8) return { kind: 'api-key', name: actor.slice(8) };
  if (actor === 'system') return { kind: 'system' };
  return { kind: 'other', text: actor };
}
