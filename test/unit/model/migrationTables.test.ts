/**
 * The youth migration tables (buildMigrationTables) against ODD §7's formula, computed here
 * independently, for every county, tie state and a spread of human-capital grid points.
 */
import { describe, expect, it } from 'vitest';
import { buildMigrationTables } from '../../../src/model/systems/households';
import { MIGRATION_BINS, TIE_STATES } from '../../../src/model/systems/tables';
import { logit, setCounty, setLevers, sigmoid, tinyWorld } from '../../helpers/world';

const p = (w: ReturnType<typeof tinyWorld>, key: string) => w.params[key];

describe('buildMigrationTables: Harris-Todaro leave and return probabilities (ODD §7, youth migration)', () => {
  const w = tinyWorld({ counties: [{ terrain: 'mountain' }, { terrain: 'plain' }] });
  w.outsideWage = 21_000;
  setCounty(w, 0, { jobRate: 0.3, localWage: 9_000, farmPerWorker: 4_000, transport: 0.2, attraction: 0.6 });
  setCounty(w, 1, { jobRate: 0.8, localWage: 16_000, farmPerWorker: 9_000, transport: 0.9, attraction: 1.4 });
  setLevers(w, 1, { laborExport: 1 });
  buildMigrationTables(w);
  const stride = MIGRATION_BINS + 2;

  function expected(c: number, tie: number, j: number) {
    const k = w.county;
    const labourExport = w.levers.laborExport[c];
    const h = Math.min(1, j / MIGRATION_BINS);
    const outside = w.outsideWage * Math.min(1, p(w, 'macro.urbanJobProbability') + 0.1 * labourExport) * (0.3 + 1.4 * h);
    const local = Math.max(1000, k.jobRate[c] * k.localWage[c] * Math.exp(0.5 * p(w, 'humanCapital.mincer') * h) + (1 - k.jobRate[c]) * k.farmPerWorker[c]);
    const ties = p(w, 'migration.familyTie') * ((tie & 1 ? 1 : 0) + (tie & 2 ? 0.5 : 0));
    const gap = Math.log(outside / local) - p(w, 'migration.movingCost') * (1 - 0.5 * k.transport[c]) * (1 - 0.5 * labourExport)
      - ties - 0.5 * Math.log(k.attraction[c]) - p(w, 'migration.referenceGap');
    return {
      leave: sigmoid(logit(p(w, 'migration.baseRate')) + p(w, 'migration.wageSensitivity') * gap + p(w, 'migration.skillEffect') * (h - 0.45)),
      ret: sigmoid(logit(p(w, 'migration.returnRate')) - p(w, 'migration.wageSensitivity') * gap),
    };
  }

  it('every county and tie state, at grid points across human capital (and the clamped points past 1), to 1e-12', () => {
    for (let c = 0; c < 2; c++) {
      for (let tie = 0; tie < TIE_STATES; tie++) {
        for (const j of [0, 1, 17, 64, 100, MIGRATION_BINS - 1, MIGRATION_BINS, MIGRATION_BINS + 1]) {
          const row = (c * TIE_STATES + tie) * stride;
          const e = expected(c, tie, j);
          expect(Math.abs(w.tables.leave[row + j] - e.leave), `leave, county ${c}, tie ${tie}, bin ${j}`).toBeLessThan(1e-12);
          expect(Math.abs(w.tables.ret[row + j] - e.ret), `return, county ${c}, tie ${tie}, bin ${j}`).toBeLessThan(1e-12);
        }
      }
    }
  });

  it('ties hold youth at home and draw migrants back: leaving falls and returning rises from no ties to children, elders, both', () => {
    for (let c = 0; c < 2; c++) {
      const at = (tie: number) => (c * TIE_STATES + tie) * stride + 64;
      // tie bits: 1 children at home (weight 1), 2 elders at home (weight 0.5)
      const order = [0, 2, 1, 3];
      for (let n = 1; n < order.length; n++) {
        expect(w.tables.leave[at(order[n])]).toBeLessThan(w.tables.leave[at(order[n - 1])]);
        expect(w.tables.ret[at(order[n])]).toBeGreaterThan(w.tables.ret[at(order[n - 1])]);
      }
    }
  });
});
