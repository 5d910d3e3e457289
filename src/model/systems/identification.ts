import { addCost, LEVER_INDEX } from '../levers/costs';
import { ALEA_STATE, drawFrom, loadStream, normal, storeStream } from '../rng';
import { STATUS } from '../state/households';
import type { World } from '../state/world';

/** Status bits as local constants (imported bindings are slower in hot loops under some loaders). */
const S_ALIVE = STATUS.alive;
const S_REGISTERED = STATUS.registered;
const S_EXITED = STATUS.exited;
const S_EVER_REGISTERED = STATUS.everRegistered;
const S_MONITORED = STATUS.monitored;
const S_PAPER_EXIT = STATUS.paperExit;

/** Tiers of the first uniform draw u of a normal, and sqrt(-2 ln u) at each tier's lower end, rounded up. */
const U_TIERS = [0.3, 0.05, 0.002];
const Z_BOUND = [1.5518, 2.4478, 3.5256];
/** Per county: threshold, sigma, two bounds per tier, then the lower and upper of threshold and
 * line (for registered households) and the line itself (BOUND_LO, BOUND_HI, BOUND_LINE). */
const BOUND_LO = 2 + 2 * U_TIERS.length;
const BOUND_HI = BOUND_LO + 1;
const BOUND_LINE = BOUND_LO + 2;
const BOUND_STRIDE = BOUND_LO + 3;
/** Per-county thresholds and bounds of identify() (grown when a world has more counties). */
let bounds = new Float64Array(0);

/**
 * Step 10, identification (精准识别) in counties where registration runs.
 * Exit: a registered household (registered at least a year) exits when its measured income
 * clears the exit threshold. Targets raised layer by layer (层层加码) lower that threshold as
 * the target year nears, so some exit on paper while really below the line (数字脱贫).
 * Registration: households whose measured income is below the line are registered up to a
 * quota set from a noisy survey estimate (一刀切): some poor are missed and some non-poor
 * registered. With big-data identification the error is small, there is no quota, exited
 * households that fall back are re-registered and the near-poor are monitored.
 */
export function identify(w: World): void {
  const p = w.params;
  const h = w.households;
  const k = w.county;
  const L = w.levers;
  // Columns hoisted into locals: a property lookup per use is costly in the hot loop.
  const kExitsThisYear = k.exitsThisYear;
  const kPaperExitsThisYear = k.paperExitsThisYear;
  const kScaleHouseholds = k.scaleHouseholds;
  const lBigData = L.bigData;
  const lRegistration = L.registration;
  const line = p['policy.povertyLine'];
  const bigDataError = p['policy.bigDataError'];
  const exitMargin = p['policy.exitMargin'];
  const registrationError = p['policy.registrationError'];
  const measured = w.scratch.household;
  const n = h.count;
  const { status, income, county, registeredYear, exitYear, fellBack } = h;
  const nC = k.count;
  const candidates = w.scratch.perCounty[1];
  const estimatedPoor = w.scratch.perCounty[2];
  candidates.fill(0);
  estimatedPoor.fill(0);
  let any = false;
  for (let c = 0; c < nC; c++) {
    kExitsThisYear[c] = 0;
    kPaperExitsThisYear[c] = 0;
    if (lRegistration[c] > 0) any = true;
  }
  if (!any) {
    k.registeredPeople.fill(0);
    return;
  }
  const yearsLeft = p['policy.targetYear'] - w.year;
  const markup = p['policy.targetLayers'] * p['policy.layerMarkup'];
  const pressure = yearsLeft <= 0 ? Math.min(1, markup * 3) : Math.min(1, (markup * 3) / yearsLeft);
  const t = w.t;
  const scale = w.scale;
  const { kids, youth, adults, elders } = h;
  // Per county: the exit threshold, sigma, and for each tier of the first uniform draw u the
  // range that exp(sigma z - sigma^2 / 2) can take (|z| <= sqrt(-2 ln u)), widened by 1e-6 (more
  // than float32 rounding of the stored measurement). When income times that whole range lies on
  // one side of every threshold it is compared with, the comparisons are known without log, cos
  // and exp; the two draws are taken all the same, so every stream and every result is unchanged.
  if (bounds.length < nC * BOUND_STRIDE) bounds = new Float64Array(nC * BOUND_STRIDE);
  const bd = bounds;
  for (let c = 0; c < nC; c++) {
    const big = lBigData[c] > 0;
    const sigma = big ? bigDataError : registrationError;
    const b = c * BOUND_STRIDE;
    const threshold = line * (1 + exitMargin - 0.3 * pressure * (big ? 0.3 : 1));
    bd[b] = threshold;
    bd[b + 1] = sigma;
    bd[b + BOUND_LO] = threshold < line ? threshold : line;
    bd[b + BOUND_HI] = threshold > line ? threshold : line;
    bd[b + BOUND_LINE] = line;
    for (let tier = 0; tier < U_TIERS.length; tier++) {
      const r = Z_BOUND[tier];
      bd[b + 2 + 2 * tier] = Math.exp(-sigma * r - (sigma * sigma) / 2) * (1 - 1e-6);
      bd[b + 3 + 2 * tier] = Math.exp(sigma * r - (sigma * sigma) / 2) * (1 + 1e-6);
    }
  }

  // Exits, then measured incomes of the rest. Each county's stream is held for its run (rng.ts
  // RunStream: the same numbers as w.rng.identification[c]()).
  const rs = w.rng.identification.states;
  // In runs of one county, as in householdYear: the county's bounds, generator state and sums in
  // locals (the same numbers: each county's sums start from zero, its stream is drawn in order).
  let i = 0;
  while (i < n) {
    const c = county[i];
    const registration = lRegistration[c] > 0;
    const big = lBigData[c] > 0;
    const b = c * BOUND_STRIDE;
    const threshold = bd[b];
    const sigma = bd[b + 1];
    const o = c * ALEA_STATE;
    const g = loadStream(rs, o);
    let sEstimated = 0;
    let sCandidates = 0;
    let sExits = 0;
    let sPaperExits = 0;
    for (; i < n; i++) {
      const st = status[i];
      if ((st & S_ALIVE) === 0) continue;
      if (county[i] !== c) break;
      if (!registration) continue;
      const people = kids[i] + youth[i] + adults[i] + elders[i];
      // normal(rng) takes u then v.
      let u = drawFrom(g);
      const v = drawFrom(g);
      const y = income[i];
      const registered = (st & S_REGISTERED) !== 0;
      let m: number;
      const tier = u >= U_TIERS[0] ? 0 : u >= U_TIERS[1] ? 1 : u >= U_TIERS[2] ? 2 : -1;
      // Read from the table by index (a ternary between the parameter and a double made V8
      // allocate a heap number per household).
      const lo = bd[b + (registered ? BOUND_LO : BOUND_LINE)];
      const hi = bd[b + (registered ? BOUND_HI : BOUND_LINE)];
      if (tier >= 0 && y > 0 && y * bd[b + 2 + 2 * tier] >= hi) m = Infinity; // above every threshold
      else if (tier >= 0 && y > 0 && y * bd[b + 3 + 2 * tier] < lo) m = -Infinity; // below every threshold
      else {
        if (u < 1e-12) u = 1e-12;
        const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        m = y * Math.exp(sigma * z - (sigma * sigma) / 2);
      }
      measured[i] = m;
      if (y < line) sEstimated += people;
      if (registered) {
        if (m >= threshold && t - registeredYear[i] >= 1) {
          let s2 = (st & ~S_REGISTERED) | S_EXITED;
          exitYear[i] = t;
          fellBack[i] = 0;
          sExits += scale;
          if (y < line) {
            s2 |= S_PAPER_EXIT;
            sPaperExits += scale;
          }
          status[i] = s2;
        }
      } else if (m < line && ((st & S_EXITED) === 0 || big)) {
        sCandidates += people;
      }
    }
    storeStream(rs, o, g);
    estimatedPoor[c] += sEstimated;
    candidates[c] += sCandidates;
    kExitsThisYear[c] += sExits;
    kPaperExitsThisYear[c] += sPaperExits;
  }
  // Quotas from a survey estimate of the poor (people) after transfers.
  for (let c = 0; c < nC; c++) {
    if (lRegistration[c] === 0) continue;
    const survey = estimatedPoor[c] * (1 + 0.1 * normal(w.rng.identification[c]));
    // The survey counts the poor after transfers, so households already registered (and lifted by
    // their benefits) do not use up the quota.
    const quota = lBigData[c] > 0 ? Infinity : p['policy.quotaSlack'] * survey;
    estimatedPoor[c] = candidates[c] > 0 ? Math.max(0, Math.min(1, quota / candidates[c])) : 0;
  }
  for (let c = 0; c < nC; c++) if (lBigData[c] > 0) addCost(w, LEVER_INDEX.bigDataIdentification, c, 20 * kScaleHouseholds[c]);
  // Registration round, and registered people after it (next year's assessment burden and
  // projects use them), in one pass.
  const registered = k.registeredPeople;
  registered.fill(0);
  i = 0;
  while (i < n) {
    const c = county[i];
    const registration = lRegistration[c] > 0;
    const big = lBigData[c] > 0;
    const share = estimatedPoor[c];
    const o = c * ALEA_STATE;
    const g = loadStream(rs, o);
    let sRegistered = 0;
    for (; i < n; i++) {
      let st = status[i];
      if ((st & S_ALIVE) === 0) continue;
      if (county[i] !== c) break;
      if (!registration) continue;
      if ((st & S_REGISTERED) === 0) {
        if (measured[i] >= line) continue;
        if ((st & S_EXITED) !== 0 && !big) continue;
        if (!(drawFrom(g) < share)) continue;
        st = (st | S_REGISTERED | S_EVER_REGISTERED) & ~(S_EXITED | S_MONITORED);
        status[i] = st;
        registeredYear[i] = t;
      }
      sRegistered += (kids[i] + youth[i] + adults[i] + elders[i]) * scale;
    }
    storeStream(rs, o, g);
    registered[c] += sRegistered;
  }
}
