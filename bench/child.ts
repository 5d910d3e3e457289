/**
 * Child process of the bench: `child.ts <kind> <json config>` runs one task (task.ts) and prints
 * `BENCH_RESULT <json>` as its last line on stdout; progress goes to stderr.
 */
import { RESULT_PREFIX, runTaskHere, type TaskKind } from './task';

const [kind, json] = process.argv.slice(2);
const result = await runTaskHere(kind as TaskKind, JSON.parse(json));
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify(result)}\n`);
