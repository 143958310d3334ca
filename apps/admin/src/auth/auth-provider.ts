import type { AuthProvider } from 'react-admin';
import { API_URL, requestJson } from '../api/http-client';
import { clearSession, readMe, readToken, storeSession, type Me } from './token-store';

/** Sign-in against the api: `POST /auth/login` gives a bearer token, `GET /auth/me` the role. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { accessToken } = await requestJson<{ accessToken: string }>('/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username, password }),
    });
    const me = await fetchMe(accessToken);
    storeSession(accessToken, me);
  },
  logout() {
    clearSession();
    return Promise.resolve();
  },
  checkAuth() {
    return readToken() ? Promise.resolve() : Promise.reject(new Error('ra.auth.auth_check_error'));
  },
  checkError(error: { status?: number }) {
    // 401: the token expired or the user was disabled; 403 is "not for your role" and keeps the session.
    if (error.status === 401) {
      clearSession();
      return Promise.reject(new Error('ra.auth.auth_check_error'));
    }
    return Promise.resolve();
  },
  getPermissions() {
    return Promise.resolve(readMe()?.role);
  },
  getIdentity() {
    const me = readMe();
    if (!me) return Promise.reject(new Error('ra.auth.auth_check_error'));
    return Promise.resolve({ id: me.actor, fullName: `${me.username ?? me.actor} (${me.role})` });
  },
};

async function fetchMe(token: string): Promise<Me> {
  const response = await fetch(`${API_URL}/auth/me`, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' } });
  if (!response.ok) throw new Error('ra.auth.sign_in_error');
  return (await response.json()) as Me;
}
