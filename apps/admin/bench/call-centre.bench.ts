// npm run bench -w @tierwise/admin [-- --lookups N]: starts the app as `npm start` serves it (on a scratch
// PostgreSQL database), signs an agent in in Debian's Chromium and looks up N callers, printing the time
// from Enter to the answer on screen.
import { parseArgs } from 'node:util';
import { createRoleUsers } from '../e2e/support/api-client';
import { launchChromium, signedInPage } from '../e2e/support/browser';
import { startConsoleServer } from '../e2e/support/console-server';
import { timeLookups } from './call-centre-timing';

const { values } = parseArgs({ options: { lookups: { type: 'string', default: '200' } } });
const lookups = Number(values.lookups);
const customers = 500;

const server = await startConsoleServer({ demoCustomers: customers });
const browser = await launchChromium();
try {
  await createRoleUsers(server.baseUrl);
  const page = await signedInPage(browser, server.baseUrl, 'agent');
  const ids = Array.from({ length: lookups }, (_, index) => `C-${String(((index * 37) % customers) + 1).padStart(4, '0')}`);
  await timeLookups(page, ids.slice(0, 5)); // warm-up: first renders, JIT, connection
  const timings = await timeLookups(page, ids);
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  console.log(`call-centre screen, Enter -> decision on screen (Chromium, ${timings.lookups} lookups)`);
  console.log(`  p50 ${ms(timings.p50)}   p95 ${ms(timings.p95)}   max ${ms(timings.max)}`);
} finally {
  await browser.close();
  await server.stop();
}
