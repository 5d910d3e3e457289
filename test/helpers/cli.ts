/**
 * Runs a command-line script as users do (node + tsx, from the project root), without the tests'
 * fault injection (FAIL_RUN_ENV) unless `env` asks for it, and collects its exit code and output.
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { FAIL_RUN_ENV } from '../../src/cli/runTask';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `script`: a file under src/cli without `.ts` (sim, sweep, merge, ...). `onSpawn` gets a way to interrupt it (SIGINT). */
export function runCli(script: string, args: string[], env: Record<string, string> = {}, onSpawn?: (interrupt: () => void) => void): Promise<CliRun> {
  return new Promise((done, fail) => {
    const { [FAIL_RUN_ENV]: _ignored, ...baseEnv } = process.env;
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli', `${script}.ts`), ...args], { cwd: ROOT, env: { ...baseEnv, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    onSpawn?.(() => child.kill('SIGINT'));
  });
}
