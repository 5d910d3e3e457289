import { ScenarioError } from '../model/index';
import { UsageError } from './args';
import { Cancelled, RunFailure } from './pool';
import { OutputError } from './shard';

/** Exit codes of every command (CONTRACT.md): 0 success, 1 failure, 2 bad input; 130 cancelled. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_CANCELLED = 130;

/**
 * Writes an error to stderr as `command: message` and returns its exit code: bad input (a file,
 * a JSON path, an option) exits 2, a cancel 130, anything else 1 with its cause.
 */
export function reportError(command: string, usage: string, error: unknown): number {
  if (error instanceof ScenarioError) {
    process.stderr.write(`${command}: ${error.message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`${command}: ${error.message}\nUsage: ${usage}; --help lists the options.\n`);
    return EXIT_BAD_INPUT;
  }
  if (error instanceof Cancelled) {
    process.stderr.write(`${command}: cancelled; no output written.\n`);
    return EXIT_CANCELLED;
  }
  if (error instanceof OutputError) {
    process.stderr.write(`${command}: ${error.message}\n`);
    return EXIT_FAILURE;
  }
  if (error instanceof RunFailure) {
    process.stderr.write(`${command}: ${error.message}\n${error.detail ? `${error.detail}\n` : ''}${command}: no output written.\n`);
    return EXIT_FAILURE;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  process.stderr.write(`${command}: ${err.stack ?? err.message}\n`);
  return EXIT_FAILURE;
}

/**
 * Runs a command's `main` as a program: its resolved number is the exit status, a thrown error
 * goes through `report` (which prints it and returns the status). A closed stdout pipe
 * (`… --out - | head`) is the reader's choice and exits 0; any other stdout error exits 1.
 */
export function runMain(command: string, main: () => Promise<number>, report: (error: unknown) => number): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(EXIT_OK);
    process.stderr.write(`${command}: cannot write to stdout: ${e.message}\n`);
    process.exit(EXIT_FAILURE);
  });
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.exitCode = report(error);
    },
  );
}
