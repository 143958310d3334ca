import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createApp } from '../app.factory.js';
import { loadConfig } from '../config/load-config.js';
import { OPENAPI_JSON_PATH } from './setup-openapi.js';

// `npm run openapi:lint` (and anyone generating a client) needs the document as a
// file. It is built from the running code, so the app boots once on a throwaway
// embedded database, answers its own document, and is closed: no port, no server.
async function writeOpenApiDocument(target: string): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'tierwise-openapi-'));
  try {
    const config = loadConfig({
      LOG_LEVEL: 'warn',
      TIERWISE_DATA_DIR: dataDir,
      TIERWISE_DEMO_CUSTOMERS: '0',
      TIERWISE_ADMIN_USERNAME: 'admin',
      // Random: the throwaway database is deleted below, and any strength rule accepts it.
      TIERWISE_ADMIN_PASSWORD: randomBytes(24).toString('base64url'),
    });
    const app = await createApp(config);
    try {
      const response = await app.inject({ method: 'GET', url: `/${OPENAPI_JSON_PATH}` });
      if (response.statusCode !== 200) throw new Error(`GET /${OPENAPI_JSON_PATH} answered ${response.statusCode}`);
      await writeFile(target, `${JSON.stringify(response.json(), null, 2)}\n`);
    } finally {
      await app.close();
    }
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const target = resolve(process.argv[2] ?? 'openapi.json');
await writeOpenApiDocument(target);
process.stdout.write(`wrote ${target}\n`);
