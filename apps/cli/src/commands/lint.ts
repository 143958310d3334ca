import { parseArgs } from 'node:util';
import { hasErrors, lintPolicy } from '@tierwise/policy';
import { UsageError } from '../errors.js';
import { EXIT_FAILURE, EXIT_OK, type Io } from '../io.js';
import { withUsageErrors } from '../parse-command-args.js';
import { findingSummary, formatFinding, readPolicy } from '../policy-source.js';
import { LINT_USAGE } from '../usage.js';

export async function lintCommand(args: string[], io: Io): Promise<number> {
  const { values, positionals } = withUsageErrors(() =>
    parseArgs({
      args,
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout.write(LINT_USAGE);
    return EXIT_OK;
  }
  const [location, ...extra] = positionals;
  if (location === undefined) throw new UsageError('which policy? Give a policy JSON file or folder');
  if (extra.length > 0) throw new UsageError(`one policy at a time; unexpected '${extra.join(' ')}'`);

  const findings = lintPolicy(await readPolicy(location));
  if (values.json) {
    io.stdout.write(JSON.stringify(findings, null, 2) + '\n');
  } else {
    for (const finding of findings) io.stdout.write(formatFinding(finding) + '\n');
    io.stdout.write(`${location}: ${findingSummary(findings)}\n`);
  }
  return hasErrors(findings) ? EXIT_FAILURE : EXIT_OK;
}
