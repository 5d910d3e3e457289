import { addCost, LEVER_INDEX } from '../levers/costs';
import { normal } from '../rng';
import { STATUS } from '../state/households';
import type { World } from '../state/world';

/** Status bits as local constants (imported bindings are slower in hot loops under some loaders). */
const S_ALIVE = STATUS.alive;
const S_REGISTERED = STATUS.registered;
const S_EXITED = STATUS.exited;
const S_EVER_REGISTERED = STATUS.everRegistered;
const S_MONITORED = STATUS.monitored;
const S_PAPER_EXIT = STATUS.paperExit;

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
  const { status, income, county, registeredYear, exitYear } = h;
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

  // Exits, then measured incomes of the rest.
  for (let i = 0; i < n; i++) {
    const st = status[i];
    if ((st & S_ALIVE) === 0) continue;
    const c = county[i];
    if (lRegistration[c] === 0) continue;
    const people = h.kids[i] + h.youth[i] + h.adults[i] + h.elders[i];
    const big = lBigData[c] > 0;
    const sigma = big ? bigDataError : registrationError;
    const rng = w.rng.identification[c];
    const m = income[i] * Math.exp(sigma * normal(rng) - (sigma * sigma) / 2);
    measured[i] = m;
    if (income[i] < line) estimatedPoor[c] += people;
    if ((st & S_REGISTERED) !== 0) {
      const threshold = line * (1 + exitMargin - 0.3 * pressure * (big ? 0.3 : 1));
      if (m >= threshold && w.t - registeredYear[i] >= 1) {
        let s2 = (st & ~S_REGISTERED) | S_EXITED;
        exitYear[i] = w.t;
        kExitsThisYear[c] += w.scale;
        if (income[i] < line) {
          s2 |= S_PAPER_EXIT;
          kPaperExitsThisYear[c] += w.scale;
        }
        status[i] = s2;
      }
    } else if (m < line && ((st & S_EXITED) === 0 || big)) {
      candidates[c] += people;
    }
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
  for (let i = 0; i < n; i++) {
    const st = status[i];
    if ((st & S_ALIVE) === 0 || (st & S_REGISTERED) !== 0) continue;
    const c = county[i];
    if (lRegistration[c] === 0 || measured[i] >= line) continue;
    if ((st & S_EXITED) !== 0 && lBigData[c] === 0) continue;
    if (w.rng.identification[c]() < estimatedPoor[c]) {
      status[i] = (st | S_REGISTERED | S_EVER_REGISTERED) & ~(S_EXITED | S_MONITORED);
      registeredYear[i] = w.t;
    }
  }
  for (let c = 0; c < nC; c++) if (lBigData[c] > 0) addCost(w, LEVER_INDEX.bigDataIdentification, c, 20 * kScaleHouseholds[c]);
  // Registered people after this year's round: next year's assessment burden and projects use it.
  const registered = k.registeredPeople;
  registered.fill(0);
  for (let i = 0; i < n; i++) {
    const st = status[i];
    if ((st & S_ALIVE) !== 0 && (st & S_REGISTERED) !== 0 && lRegistration[county[i]] > 0) {
      registered[county[i]] += (h.kids[i] + h.youth[i] + h.adults[i] + h.elders[i]) * w.scale;
    }
  }
}
