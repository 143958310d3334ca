import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/**
 * N customers and their decisions in a kept `database`, loaded by the customer-list bench as it
 * runs (generate_series, the demo population's 80/20 shape), with one request per list case.
 */
export async function loadWithListBench(customers: number, database: string): Promise<void> {
  const bench = fileURLToPath(new URL('customers-list.bench.ts', import.meta.url));
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', bench, '--customers', String(customers), '--iterations', '1', '--keep', '--database', database],
      { stdio: ['ignore', 'inherit', 'inherit'] },
    );
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the customer-list bench's load exited with ${code}`))));
  });
}
