// The bearer token lives in sessionStorage: it ends with the tab, and every tab signs in itself.
const TOKEN_KEY = 'tierwise.token';
const ME_KEY = 'tierwise.me';

export interface Me {
  kind: 'user' | 'apiKey';
  actor: string;
  role: Role;
  username?: string;
}

export type Role = 'admin' | 'author' | 'publisher' | 'auditor' | 'agent';

export function readToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function readMe(): Me | null {
  const stored = sessionStorage.getItem(ME_KEY);
  return stored ? (JSON.parse(stored) as Me) : null;
}

export function storeSession(token: string, me: Me): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(ME_KEY, JSON.stringify(me));
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(ME_KEY);
}
