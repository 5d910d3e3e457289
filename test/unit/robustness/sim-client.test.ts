/**
 * The page's side of the simulation worker (issue #8): a worker that crashes, sends an
 * unreadable message or is killed makes every call in flight reject with a WorkerFault instead
 * of hanging; later calls fail at once; restart() gives a fresh worker. A stand-in Worker that
 * never answers plays the stuck or dead thread.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SimClient, WorkerFault } from '../../../src/app/worker/simClient';
import { parseScenario } from '../../../src/model/index';
import { SMALL } from './fuzz';

/** A worker that receives messages and never replies (a thread stuck or gone). */
class SilentWorker extends EventTarget {
  static made: SilentWorker[] = [];
  terminated = false;
  posted = 0;
  constructor() {
    super();
    SilentWorker.made.push(this);
  }
  postMessage(): void {
    this.posted++;
  }
  terminate(): void {
    this.terminated = true;
  }
  start(): void {}
}

const scenario = parseScenario(JSON.stringify(SMALL), 'small.json');
const settled = (p: Promise<unknown>) => p.then(() => 'resolved', (e: Error) => (e instanceof WorkerFault ? `${e.kind}: ${e.message}` : `other: ${e.message}`));

describe('SimClient when the worker fails', () => {
  beforeEach(() => {
    SilentWorker.made = [];
    vi.stubGlobal('Worker', SilentWorker);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('a crash (error event) rejects the call in flight, reports the fault once, and later calls fail at once', async () => {
    const client = new SimClient();
    const faults: string[] = [];
    client.onFault((f) => faults.push(f.kind));
    const load = settled(client.load(scenario));
    const w = SilentWorker.made[0];
    expect(w.posted).toBe(1);
    const err = new Event('error') as Event & { message: string };
    err.message = 'Uncaught RangeError: Array buffer allocation failed';
    w.dispatchEvent(err);
    expect(await load).toBe('crashed: the simulation worker stopped (crashed): Uncaught RangeError: Array buffer allocation failed');
    expect(w.terminated).toBe(true);
    expect(faults).toEqual(['crashed']);
    expect(await settled(client.reset())).toMatch(/^crashed/);
    expect(w.posted).toBe(1);
  });

  it('an unreadable message (messageerror) is a fault too', async () => {
    const client = new SimClient();
    const load = settled(client.load(scenario));
    SilentWorker.made[0].dispatchEvent(new Event('messageerror'));
    expect(await load).toMatch(/^unreadable/);
  });

  it('kill() rejects every pending call; the data recorded before stays; restart() gives a fresh worker', async () => {
    const client = new SimClient();
    client.values = new Float64Array([1, 2, 3]);
    client.scenario = scenario;
    const a = settled(client.load(scenario));
    const b = settled(client.reset());
    client.kill('stuck for too long');
    expect(await a).toBe('killed: the simulation worker stopped (killed): stuck for too long');
    expect(await b).toMatch(/^killed/);
    expect([...client.values]).toEqual([1, 2, 3]);
    expect(client.scenario).toBe(scenario);
    client.restart();
    expect(client.fault).toBeNull();
    expect(SilentWorker.made.length).toBe(2);
    void client.load(scenario);
    expect(SilentWorker.made[1].posted).toBe(1);
    // an error event from the old worker no longer counts
    SilentWorker.made[0].dispatchEvent(new Event('error'));
    expect(client.fault).toBeNull();
  });
});
