/**
 * Peer measurement: the household core in AgentScript (agentscriptCore.ts) and the same core
 * in this engine (`produce()` then `householdYear()` on a world from createWorld, every other
 * system off), on the same households for the same years, timed in the same run: the years
 * alternate between the two so that both see the same machine load.
 */
import { loadavg } from 'node:os';
import { createWorld } from '../../src/model/init';
import { stream, streams } from '../../src/model/rng';
import type { World } from '../../src/model/state/world';
import { householdYear } from '../../src/model/systems/households';
import { applyPolicy } from '../../src/model/systems/policy';
import { produce } from '../../src/model/systems/production';
import { MIGRATION_BINS } from '../../src/model/systems/tables';
import { median } from '../bound';
import { collect, typedArrayBytes } from '../measure';
import { fullModelScenario } from '../configs';
import { type CoreSummary, defineHouseholdCoreModel, loadAgentScript } from './agentscriptCore';

export interface PeerResult {
  framework: string;
  households: number;
  warmupYears: number;
  years: number;
  /** Median over the timed years of household-steps per second (one core each). */
  peerStepsPerSec: number;
  engineStepsPerSec: number;
  /** engine / peer. */
  ratio: number;
  peerYearRates: number[];
  engineYearRates: number[];
  peerSetupSeconds: number;
  /** Memory per household: V8 heap growth for the AgentScript model (after a full GC), typed-array bytes for the engine's world. */
  peerBytesPerHousehold: number;
  engineBytesPerHousehold: number;
  /** End-of-run sums on both sides: they agree up to the engine's Float32 storage. */
  check: { peer: CoreSummary; engine: CoreSummary; maxRelativeDifference: number };
  loadavg: number[];
}

function engineSummary(w: World): CoreSummary {
  const h = w.households;
  const s: CoreSummary = { alive: 0, people: 0, migrants: 0, meanIncome: 0, assets: 0, savings: 0 };
  for (let i = 0; i < h.count; i++) {
    if ((h.status[i] & 1) === 0) continue;
    s.alive++;
    s.people += h.kids[i] + h.youth[i] + h.adults[i] + h.elders[i];
    s.migrants += h.migrants[i];
    s.meanIncome += h.income[i];
    s.assets += h.assets[i];
    s.savings += h.savings[i];
  }
  s.meanIncome /= s.alive;
  return s;
}

const log = (msg: string) => process.stderr.write(`  ${msg}\n`);

export async function measurePeer(cfg: { households: number; years: number; reps: number }): Promise<PeerResult> {
  const warmupYears = 2;
  const totalYears = warmupYears + cfg.years * cfg.reps;
  const scenario = fullModelScenario(cfg.households, totalYears + 1);
  const w = createWorld(scenario, 1, scenario.seed);
  // The levers of the first campaign year (the core reads them); then only the core runs.
  w.year = scenario.startYear + 1;
  w.t = 1;
  applyPolicy(w);
  // Fresh and identical random streams on both sides, so both draw the same numbers in the same order.
  const seed = scenario.seed;
  w.rng.households = streams(seed, 1, w.counties.length, 'peer-households');
  const peerRngs = w.counties.map((_, c) => stream(seed, 1, c, 'peer-households'));

  const as = await loadAgentScript();
  const HouseholdCoreModel = defineHouseholdCoreModel(as.Model);
  collect();
  const heapBefore = process.memoryUsage().heapUsed;
  let t0 = performance.now();
  const model = new HouseholdCoreModel({ minX: 0, maxX: w.counties.length - 1, minY: 0, maxY: 0 });
  model.setupFrom(w, peerRngs, MIGRATION_BINS);
  const peerSetupSeconds = (performance.now() - t0) / 1000;
  collect();
  const n = model.households.length; // every slot, as in the engine (households that left keep theirs)
  const peerBytesPerHousehold = (process.memoryUsage().heapUsed - heapBefore) / n;
  const engineBytesPerHousehold = typedArrayBytes(w) / n;
  log(`peer: ${n.toLocaleString('en')} households as AgentScript turtles in ${peerSetupSeconds.toFixed(1)} s`);

  const peerYearRates: number[] = [];
  const engineYearRates: number[] = [];
  for (let y = 0; y < totalYears; y++) {
    t0 = performance.now();
    model.step();
    const tp = (performance.now() - t0) / 1000;
    t0 = performance.now();
    produce(w);
    householdYear(w);
    const te = (performance.now() - t0) / 1000;
    if (y >= warmupYears) {
      peerYearRates.push(n / tp);
      engineYearRates.push(n / te);
    }
  }
  const peer = model.summary();
  const engine = engineSummary(w);
  let maxRelativeDifference = 0;
  for (const k of Object.keys(peer) as (keyof CoreSummary)[]) {
    const d = Math.abs(peer[k] - engine[k]) / Math.max(1e-9, Math.abs(engine[k]));
    if (d > maxRelativeDifference) maxRelativeDifference = d;
  }
  const peerStepsPerSec = median(peerYearRates);
  const engineStepsPerSec = median(engineYearRates);
  log(`peer: AgentScript ${(peerStepsPerSec / 1e6).toFixed(2)} M/s, engine core ${(engineStepsPerSec / 1e6).toFixed(2)} M/s`);
  return {
    framework: `agentscript@${as.version} (dist/agentscript2d.js, Node ${process.versions.node})`,
    households: n, warmupYears, years: totalYears - warmupYears,
    peerStepsPerSec, engineStepsPerSec, ratio: engineStepsPerSec / peerStepsPerSec,
    peerYearRates, engineYearRates, peerSetupSeconds, peerBytesPerHousehold, engineBytesPerHousehold,
    check: { peer, engine, maxRelativeDifference },
    loadavg: loadavg(),
  };
}
