import { parseArgs } from 'node:util';
import {
  Population,
  PolicyLintError,
  compilePolicy,
  evaluate,
  validateRecord,
  type CompiledPolicy,
  type NormalizedFacts,
  type RecordError,
} from '@tierwise/policy';
import { UsageError } from '../errors.js';
import { factsFormat, openFacts, type FactsFormat, type FactsSource } from '../input/facts-source.js';
import type { InputRecord } from '../input/input-record.js';
import { readRecords } from '../input/read-records.js';
import { EXIT_FAILURE, EXIT_INVALID_RECORDS, EXIT_OK, type Io } from '../io.js';
import { LineWriter } from '../output/line-writer.js';
import { withUsageErrors } from '../parse-command-args.js';
import { findingSummary, formatFinding, readPolicy } from '../policy-source.js';
import { EVALUATE_USAGE } from '../usage.js';

export async function evaluateCommand(args: string[], io: Io): Promise<number> {
  const { values } = withUsageErrors(() =>
    parseArgs({
      args,
      options: {
        policy: { type: 'string', short: 'p' },
        facts: { type: 'string', short: 'f' },
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: false,
      strict: true,
    }),
  );
  if (values.help) {
    io.stdout.write(EVALUATE_USAGE);
    return EXIT_OK;
  }
  if (values.policy === undefined) throw new UsageError('--policy is required: a policy JSON file or folder');
  if (values.facts === undefined) throw new UsageError('--facts is required: a .jsonl or .csv file, or - for stdin');
  const format = factsFormat(values.facts, values.format);

  const policy = await compileOrReport(values.policy, io);
  if (!policy) return EXIT_FAILURE;

  const twoPasses = policy.population.size > 0;
  const source = await openFacts(values.facts, io.stdin, twoPasses ? 2 : 1);
  try {
    const population = twoPasses ? await measurePopulation(policy, source, format) : undefined;
    const invalid = await decideAll(policy, source, format, population, io);
    return invalid > 0 ? EXIT_INVALID_RECORDS : EXIT_OK;
  } finally {
    await source.dispose();
  }
}

async function compileOrReport(location: string, io: Io): Promise<CompiledPolicy | undefined> {
  const document = await readPolicy(location);
  let policy: CompiledPolicy;
  try {
    policy = compilePolicy(document);
  } catch (error) {
    if (!(error instanceof PolicyLintError)) throw error;
    for (const finding of error.findings) io.stderr.write(formatFinding(finding) + '\n');
    io.stderr.write(`tierwise evaluate: ${location}: ${findingSummary(error.findings)}; nothing was evaluated\n`);
    return undefined;
  }
  for (const warning of policy.warnings) io.stderr.write(formatFinding(warning) + '\n');
  return policy;
}

/** Pass 1: the numbers population facts need, from every record that pass 2 will decide. */
async function measurePopulation(policy: CompiledPolicy, source: FactsSource, format: FactsFormat): Promise<Population> {
  const collector = Population.collector(policy);
  for await (const input of readRecords(source.open(), format, policy.catalogue)) {
    const facts = decidableFacts(policy, input);
    if (facts) collector.add(facts);
  }
  return collector.finish();
}

/** Pass 2 (or the only pass): one output line per record, in input order. Returns how many were invalid. */
async function decideAll(
  policy: CompiledPolicy,
  source: FactsSource,
  format: FactsFormat,
  population: Population | undefined,
  io: Io,
): Promise<number> {
  const writer = new LineWriter(io.stdout);
  const options = population ? { population } : {};
  let invalid = 0;
  for await (const input of readRecords(source.open(), format, policy.catalogue)) {
    let line: string;
    if (input.kind === 'unreadable') {
      line = errorLine(input.customerId, input.line, input.errors);
      invalid += 1;
    } else {
      const evaluation = evaluate(policy, input.record, options);
      if (evaluation.ok) line = JSON.stringify(evaluation.decision);
      else {
        line = errorLine(evaluation.customerId, input.line, withCellProblems(evaluation.errors, input.cellProblems));
        invalid += 1;
      }
    }
    const backpressure = writer.write(line);
    if (backpressure) await backpressure;
  }
  await writer.end();
  return invalid;
}

// The same checks evaluate() makes before it looks at the population, so the
// population is exactly the records that get decided.
function decidableFacts(policy: CompiledPolicy, input: InputRecord): NormalizedFacts | undefined {
  if (input.kind !== 'read') return undefined;
  const check = validateRecord(input.record, policy.catalogue);
  if (!check.ok) return undefined;
  const customerId = (input.record as Record<string, unknown>)['customerId'];
  if (customerId !== undefined && (typeof customerId !== 'string' || customerId === '')) return undefined;
  return check.facts;
}

function withCellProblems(errors: RecordError[], cellProblems: ReadonlyMap<string, string> | undefined): RecordError[] {
  if (!cellProblems) return errors;
  return errors.map((error) => {
    const message = cellProblems.get(error.path);
    return message === undefined ? error : { path: error.path, message };
  });
}

function errorLine(customerId: string | null, line: number, errors: readonly RecordError[]): string {
  return JSON.stringify({ customerId, line, errors: errors.map(({ path, message }) => ({ path, message })) });
}
