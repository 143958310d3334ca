import { ADMIN_PASSWORD, ADMIN_USERNAME } from './console-server';

export type Role = 'admin' | 'author' | 'publisher' | 'auditor' | 'agent';

/** Strong enough for the api's zxcvbn check; one per role so a test can sign in as any of them. */
export const USERS: Record<Role, { username: string; password: string }> = {
  admin: { username: ADMIN_USERNAME, password: ADMIN_PASSWORD },
  author: { username: 'ada-author', password: 'Quill-and-ledger-47-Author' },
  publisher: { username: 'pat-publisher', password: 'Printing-press-93-Publisher' },
  auditor: { username: 'aud-auditor', password: 'Magnifying-glass-61-Auditor' },
  agent: { username: 'ann-agent', password: 'Headset-and-queue-25-Agent' },
};

/** Direct api calls for test set-up and for checking what the console did. */
export class ApiClient {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string, role: Role): Promise<ApiClient> {
    const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(USERS[role]),
    });
    if (!response.ok) throw new Error(`sign-in as ${role} failed: ${response.status} ${await response.text()}`);
    const { accessToken } = (await response.json()) as { accessToken: string };
    return new ApiClient(baseUrl, accessToken);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Creates one user per role (the admin exists from the first start). */
export async function createRoleUsers(baseUrl: string): Promise<void> {
  const admin = await ApiClient.signIn(baseUrl, 'admin');
  for (const role of ['author', 'publisher', 'auditor', 'agent'] as const) {
    await admin.request('POST', '/users', { ...USERS[role], role });
  }
}
