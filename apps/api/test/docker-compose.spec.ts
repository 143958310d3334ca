import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENVIRONMENT_VARIABLES } from '../src/config/environment-variables.js';

// docker-compose.yml at the repository root is how users run Tierwise for real.
// `docker-compose config -q` (in .ci/run) checks its syntax; this checks that it
// means what the api expects.
interface Service {
  image?: string;
  build?: unknown;
  environment?: Record<string, string | number | null> | string[];
  depends_on?: Record<string, { condition?: string }> | string[];
  healthcheck?: { test?: unknown };
}

const composeFile = new URL('../../../docker-compose.yml', import.meta.url);
const dockerfile = new URL('../../../Dockerfile', import.meta.url);
const compose = parse(readFileSync(composeFile, 'utf8')) as { services: Record<string, Service> };
const services = compose.services;

function variableNames(service: Service): string[] {
  const environment = service.environment ?? {};
  return Array.isArray(environment) ? environment.map((entry) => entry.split('=')[0]!) : Object.keys(environment);
}

function environmentOf(service: Service): Record<string, string> {
  const environment = service.environment ?? {};
  if (Array.isArray(environment))
    return Object.fromEntries(environment.map((entry) => [entry.split('=')[0]!, entry.slice(entry.indexOf('=') + 1)]));
  return Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, String(value ?? '')]));
}

describe('docker-compose.yml', () => {
  it('runs PostgreSQL 16, Redis 7 and the api built from this repository', () => {
    expect(services['postgres']?.image).toBe('postgres:16');
    expect(services['redis']?.image).toBe('redis:7');
    expect(services['api']?.build).toBeDefined();
  });

  it('sets only environment variables the api reads', () => {
    const known = new Set<string>(ENVIRONMENT_VARIABLES);
    const api = variableNames(services['api']!);
    expect(api.length).toBeGreaterThan(0);
    expect(api.filter((name) => !known.has(name))).toEqual([]);
  });

  it('points the api at the postgres service, on the port it publishes', () => {
    const environment = environmentOf(services['api']!);
    const url = new URL(environment['DATABASE_URL']!.replace(/\$\{POSTGRES_PASSWORD:-[^}]*\}/, 'secret'));
    expect(url.protocol).toBe('postgresql:');
    expect(url.hostname).toBe('postgres');
    expect(readFileSync(composeFile, 'utf8')).toContain(`:${environment['PORT']}"`);
  });

  it('starts the api only once every service it depends on reports healthy', () => {
    const dependsOn = services['api']!.depends_on;
    expect(dependsOn).toBeDefined();
    expect(Array.isArray(dependsOn)).toBe(false);
    for (const [name, dependency] of Object.entries(dependsOn as Record<string, { condition?: string }>)) {
      expect(dependency.condition, name).toBe('service_healthy');
      expect(services[name]?.healthcheck?.test, name).toBeDefined();
    }
    expect(Object.keys(dependsOn as object)).toContain('postgres');
    expect(services['redis']!.healthcheck?.test).toBeDefined();
  });

  it('keeps secrets out of the file: they come from the environment or .env', () => {
    const environment = environmentOf(services['api']!);
    for (const name of ['TIERWISE_JWT_SECRET', 'TIERWISE_ADMIN_PASSWORD']) {
      if (name in environment) expect(environment[name], name).toMatch(/^\$\{[A-Z_]+:?-?\}$/);
    }
  });

  it('builds an image that runs the api as a non-root user', () => {
    const text = readFileSync(dockerfile, 'utf8');
    const runtime = text.slice(text.lastIndexOf('\nFROM '));
    expect(text.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(text).toContain('npm install --no-audit --no-fund');
    expect(runtime).toMatch(/^USER (?!root\b)\w+/m);
    expect(runtime).toContain('CMD ["node", "apps/api/dist/main.js"]');
  });

  it('runs workers from the api image: dist/worker.js, the api variables only, on Redis, after the api has migrated', () => {
    const worker = services['worker']!;
    expect(worker.image).toBe(services['api']!.image);
    expect((worker as { command?: string[] }).command).toEqual(['node', 'apps/api/dist/worker.js']);
    const known = new Set<string>(ENVIRONMENT_VARIABLES);
    expect(variableNames(worker).filter((name) => !known.has(name))).toEqual([]);
    const environment = environmentOf(worker);
    expect(environment['REDIS_URL']).toBe(environmentOf(services['api']!)['REDIS_URL']);
    expect(environment['DATABASE_URL']).toBe(environmentOf(services['api']!)['DATABASE_URL']);
    const dependsOn = worker.depends_on as Record<string, { condition?: string }>;
    expect(dependsOn).toEqual({ api: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });
});
