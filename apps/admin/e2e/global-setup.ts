import type { TestProject } from 'vitest/node';
import { createRoleUsers } from './support/api-client';
import { startConsoleServer } from './support/console-server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    databaseUrl: string;
  }
}

// One app for the whole end-to-end suite: the files run one after another and each leaves the data
// as the next one expects (the shipped policy in force), or says what it changed.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startConsoleServer();
  await createRoleUsers(server.baseUrl);
  project.provide('baseUrl', server.baseUrl);
  project.provide('databaseUrl', server.databaseUrl);
  return () => server.stop();
}
