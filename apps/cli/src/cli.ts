import { evaluateCommand } from './commands/evaluate.js';
import { lintCommand } from './commands/lint.js';
import { CliError, UsageError } from './errors.js';
import { EXIT_FAILURE, EXIT_OK, type Io } from './io.js';
import { EVALUATE_USAGE, LINT_USAGE, MAIN_USAGE } from './usage.js';

const COMMANDS: Readonly<Record<string, { run: (args: string[], io: Io) => Promise<number>; usage: string }>> = {
  lint: { run: lintCommand, usage: LINT_USAGE },
  evaluate: { run: evaluateCommand, usage: EVALUATE_USAGE },
};

/** Runs one command line (without `node tierwise`) and returns the exit status. */
export async function run(args: string[], io: Io): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    io.stderr.write(MAIN_USAGE);
    return EXIT_FAILURE;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    const topic = rest[0] === undefined ? undefined : COMMANDS[rest[0]];
    io.stdout.write(topic ? topic.usage : MAIN_USAGE);
    return EXIT_OK;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`tierwise: unknown command '${name}'\n\n${MAIN_USAGE}`);
    return EXIT_FAILURE;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`tierwise ${name}: ${error.message}\nRun 'tierwise ${name} --help' for usage.\n`);
      return EXIT_FAILURE;
    }
    if (error instanceof CliError) {
      io.stderr.write(`tierwise ${name}: ${error.message}\n`);
      return EXIT_FAILURE;
    }
    throw error;
  }
}
