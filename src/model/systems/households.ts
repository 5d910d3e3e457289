import { stochasticRound } from '../rng';
import { STATUS } from '../state/households';
import type { World } from '../state/world';
import { PUPIL_SHARE } from '../state/posts';
import { GRAIN, INPUT_COST, LIVESTOCK, marginalAssetReturn, PRODUCTS, SUITABILITY } from './production';

/** Status bits as local constants (imported bindings are slower in hot loops under some loaders). */
const S_ALIVE = STATUS.alive;
const S_REGISTERED = STATUS.registered;
const S_EXITED = STATUS.exited;
const S_EVER_REGISTERED = STATUS.everRegistered;
const S_RELOCATED = STATUS.relocated;
const S_MONITORED = STATUS.monitored;
const S_POOR = STATUS.poor;

const GOLDEN = 0.6180339887498949;
/** The fractional part: several uniform marginals from one draw (u, u+φ, u+2φ, ...). */
const frac = (x: number) => x - Math.floor(x);
const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Steps 5c to 9 for households (second household pass, after prices are known):
 * income by its four sources, benefits and costs; consumption, saving and the choice between
 * investing in own assets, depositing locally or sending savings out; children's learning and
 * the succession of generations; youth migration and return (Harris-Todaro); next year's
 * industry by imitation of last year's most profitable product; and drive (内生动力).
 */
export function householdYear(w: World): void {
  const p = w.params;
  // Imported bindings copied to locals: some module loaders turn them into getters.
  const products = PRODUCTS;
  const inputCost = INPUT_COST;
  const suitability = SUITABILITY;
  const livestock = LIVESTOCK;
  const grain = GRAIN;
  const sround = stochasticRound;
  const marginalReturn = marginalAssetReturn;
  const pupilShare = PUPIL_SHARE;
  const h = w.households;
  const k = w.county;
  const v = w.villages;
  const L = w.levers;
  const m = w.markets;
  const { kids, youth, adults, elders, migrants, status, health, drive, land, assets, savings, debt, ability, humanCapital,
    childHumanCapital, industry, village, county, income, previousIncome, output, shockCost, wageLabour, integration,
    exitYear } = h;
  const scale = w.scale;
  const line = p['policy.povertyLine'];
  const band = p['policy.monitorBand'] * line;
  const subsistence = p['household.subsistence'];
  const savingRate = p['household.savingRate'];
  const rHigh = p['household.assetReturnHigh'];
  const rLow = p['household.assetReturnLow'];
  const threshold = p['household.assetThreshold'];
  const depreciation = p['household.assetDepreciation'];
  const outsideReturn = p['macro.outsideReturn'];
  const mincer = p['humanCapital.mincer'];
  const learningRate = p['humanCapital.learningRate'];
  const nutritionEffect = p['humanCapital.nutritionEffect'];
  const dropoutCost = p['humanCapital.dropoutCost'];
  const pension = p['macro.pension'];
  const wage0 = p['macro.outsideWage'];
  const remit = wage0 * Math.pow(w.outsideWage / wage0, p['macro.remittanceElasticity']) * p['macro.urbanJobProbability'] * p['macro.remittanceShare'];
  const disasterLoss = p['ecology.disasterLoss'];
  const driveResponse = p['household.driveResponse'];
  const handoutDrag = p['household.handoutDrag'];
  const imitation = p['household.imitationRate'];
  const supportYears = p['policy.supportYearsAfterExit'];
  const baseLeave = logit(p['migration.baseRate']);
  const referenceGap = p['migration.referenceGap'];
  const familyMove = p['migration.familyMove'];
  const skillEffect = p['migration.skillEffect'];
  const baseReturn = logit(p['migration.returnRate']);
  const wageSensitivity = p['migration.wageSensitivity'];
  const familyTie = p['migration.familyTie'];
  const movingCost = p['migration.movingCost'];
  const urbanJob = p['macro.urbanJobProbability'];
  const integrationRate = p['relocation.integrationRate'];
  const t = w.t;
  const price = m.price;
  const rngs = w.rng.households;

  // Per-county constants of the year, hoisted out of the household loop.
  for (let c = 0; c < k.count; c++) {
    k.farmOutput[c] = 0;
    k.savingsFlow[c] = 0;
    k.householdLocalInvestment[c] = 0;
    k.youthOutflow[c] = 0;
    k.youthReturn[c] = 0;
    k.stayDerivative[c] = 0;
    k.inflowDerivative[c] = 0;
    k.inflowCount[c] = 0;
    k.stayCount[c] = 0;
    k.leaveCount[c] = 0;
    k.newPoorHouseholds[c] = 0;
    k.familiesLeft[c] = 0;
    k.ecoMean[c] = 0;
    k.ecoWeight[c] = 0;
    k.residents[c] = 0;
    k.pupils[c] = 0;
    k.householdAssets[c] = 0;
    k.adultHumanCapital[c] = 0;
    k.workingAge[c] = 0;
    k.incomeOperating[c] = 0;
    k.incomeWage[c] = 0;
    k.incomeProperty[c] = 0;
    k.incomeTransfer[c] = 0;
    k.youthResidents[c] = 0;
  }
  m.profitSum.fill(0);
  m.labourSum.fill(0);
  const farmWorkers = w.scratch.perCounty[0];
  farmWorkers.fill(0);
  v.residents.fill(0);
  v.load.fill(0);

  for (let i = 0; i < h.count; i++) {
    const st = status[i];
    if ((st & S_ALIVE) === 0) continue;
    const c = county[i];
    const n = kids[i] + youth[i] + adults[i] + elders[i];
    const ind = industry[i];
    const vi = village[i];
    const relocated = (st & S_RELOCATED) !== 0;

    // ---- Income by source -------------------------------------------------------------------
    const q = output[i];
    const supplyHere = m.countySupply[c * products + ind];
    const subsidy = supplyHere > 0 ? Math.min(1, L.industrySubsidy[c * products + ind] / supplyHere) : 0;
    let operating = q * (price[ind] * (1 + subsidy) - inputCost[ind]);
    if (subsidy > 0) k.interventionCost[c] += q * price[ind] * subsidy * scale;
    const coverage = L.insuranceCoverage[c];
    if (coverage > 0) {
      // Indemnity for the fall of revenue below the insured value (base price, no disaster).
      const insuredValue = (v.disaster[vi] ? q / (1 - disasterLoss) : q) * 0.9;
      const loss = insuredValue - q * price[ind];
      if (loss > 0) {
        operating += coverage * loss;
        k.interventionCost[c] += coverage * loss * 1.2 * scale;
      }
    }
    const wl = wageLabour[i];
    let wage = wl * k.localWage[c] * Math.exp(0.5 * mincer * humanCapital[i]) + migrants[i] * remit * (0.3 + 1.4 * humanCapital[i]);
    const property = savings[i] * 0.02 + (relocated ? land[i] * 150 : 0);
    let transfer = elders[i] * pension;
    let handout = 0;
    // Poverty-specific support: registered households, and exited ones while support lasts.
    let support = 0;
    if ((st & S_REGISTERED) !== 0) support = 1;
    else if ((st & S_EXITED) !== 0) {
      const since = t - exitYear[i];
      if (since <= supportYears) support = 1;
      else if (L.phaseOutSet[c] > 0 && L.phaseOutGradual[c] > 0 && L.phaseOutYears[c] > 0) {
        support = Math.max(0, 1 - (since - supportYears) / L.phaseOutYears[c]);
      }
    }
    if (support > 0 && L.registration[c] > 0) {
      const benefit = L.benefitPerPerson[c] * n * support;
      const work = benefit * L.workShare[c];
      wage += work; // work-for-relief (以工代赈)
      transfer += benefit - work;
      handout += benefit - work;
      k.interventionCost[c] += benefit * scale;
    }
    if (L.ecoCompensation[c] > 0 && !relocated) {
      transfer += L.ecoCompensation[c];
      k.interventionCost[c] += L.ecoCompensation[c] * scale;
    }
    let total = operating + wage + property + transfer - shockCost[i];
    // Social floor (低保): tops registered (optionally monitored near-poor) households up.
    const floor = L.socialFloor[c];
    if (floor > 0 && (support > 0 || (L.socialFloorNearPoor[c] > 0 && (st & S_MONITORED) !== 0)) && total < floor * n) {
      const topUp = floor * n - total;
      total += topUp;
      handout += topUp;
      k.interventionCost[c] += topUp * scale;
    }
    const pc = total / n;
    k.incomeOperating[c] += operating * scale;
    k.incomeWage[c] += wage * scale;
    k.incomeProperty[c] += property * scale;
    k.incomeTransfer[c] += (transfer + (total - (operating + wage + property + transfer - shockCost[i]))) * scale;
    previousIncome[i] = income[i];
    income[i] = pc;

    // ---- Consumption, saving, investment ----------------------------------------------------
    const need = subsistence * n;
    let sv = savings[i];
    let as = assets[i];
    let db = debt[i];
    if (total >= need) {
      let saving = (total - need) * savingRate;
      if (db > 0) {
        const pay = Math.min(saving, db * 0.3 + db * 0.06);
        db = db * 1.06 - pay;
        saving -= pay;
        if (db < 1) db = 0;
      }
      const own = marginalReturn(as, (threshold * k.thresholdFactor[c]) / ability[i], rHigh, rLow) * price[ind] * (0.35 + 0.65 * v.eco[vi]);
      const ownShare = relocated ? 0.1 : sigmoid(20 * (own - outsideReturn));
      as += saving * ownShare;
      k.householdLocalInvestment[c] += saving * ownShare * scale;
      sv += saving * (1 - ownShare);
      k.savingsFlow[c] += saving * (1 - ownShare) * scale;
    } else {
      // Below subsistence: run down savings, then sell assets at a loss, then borrow.
      let gap = need - total;
      const fromSavings = Math.min(sv, gap);
      sv -= fromSavings;
      gap -= fromSavings;
      const fromAssets = Math.min(as * 0.7, gap);
      as -= fromAssets / 0.7;
      gap -= fromAssets;
      db = db * 1.06 + gap * 0.5;
    }
    if (L.microcredit[c] > 0 && (st & S_REGISTERED) !== 0 && db === 0) {
      const loan = L.microcredit[c];
      db = loan;
      as += loan * 0.8;
    }
    if (db > 0 && L.microcredit[c] > 0 && (st & S_EVER_REGISTERED) !== 0) k.interventionCost[c] += db * 0.1 * scale;
    assets[i] = as * (1 - depreciation);
    k.householdAssets[c] += assets[i] * scale;
    savings[i] = sv;
    debt[i] = db;

    // ---- Human capital and generations -----------------------------------------------------
    const poor = pc < line;
    if (kids[i] > 0) {
      let learn = learningRate * k.schoolQuality[c] * (0.6 + 0.4 * health[i]);
      if (L.nutrition[c] > 0) {
        learn *= 1 + nutritionEffect;
        k.interventionCost[c] += kids[i] * 0.33 * 300 * scale;
      } else if (poor) learn *= 1 - nutritionEffect * 0.5; // stunting and anaemia in poor homes
      if (L.years12[c] === 0 && poor && sv < shockCost[i]) learn *= 1 - dropoutCost * 0.25; // upper-secondary drop-out
      childHumanCapital[i] += learn * (1 - childHumanCapital[i]);
    }
    const u = rngs[c]();
    const toYouth = sround(kids[i] / 18, u);
    const toAdult = sround(youth[i] / 18, frac(u + GOLDEN));
    const toElder = sround(adults[i] / 25, frac(u + 2 * GOLDEN));
    const deaths = sround(elders[i] * 0.055, frac(u + 3 * GOLDEN));
    const births = sround(youth[i] * 0.05 + adults[i] * 0.012, frac(u + 4 * GOLDEN));
    const working = youth[i] + adults[i];
    if (toYouth > 0) humanCapital[i] = (humanCapital[i] * working + childHumanCapital[i] * toYouth) / (working + toYouth);
    let nk = kids[i] - toYouth + births;
    if (nk > 9) nk = 9;
    if (nk === 0) childHumanCapital[i] = 0;
    else if (births > 0) childHumanCapital[i] *= (kids[i] - toYouth) / nk;
    kids[i] = nk;
    let ny = youth[i] + toYouth - toAdult;
    adults[i] = adults[i] + toAdult - toElder;
    elders[i] = elders[i] + toElder - deaths;

    // ---- Youth migration and return (Harris-Todaro) -------------------------------------------
    const u2 = rngs[c]();
    const hc = humanCapital[i];
    const outsideExpected = w.outsideWage * Math.min(1, urbanJob + 0.1 * L.laborExport[c]) * (0.3 + 1.4 * hc);
    const localExpected = Math.max(1000, k.jobRate[c] * k.localWage[c] * Math.exp(0.5 * mincer * hc) + (1 - k.jobRate[c]) * k.farmPerWorker[c]);
    const ties = familyTie * ((nk > 0 ? 1 : 0) + (elders[i] > 0 ? 0.5 : 0));
    const gap = Math.log(outsideExpected / localExpected) - movingCost * (1 - 0.5 * k.transport[c]) * (1 - 0.5 * L.laborExport[c]) -
      ties - 0.5 * Math.log(k.attraction[c]) - referenceGap;
    const pLeave = sigmoid(baseLeave + wageSensitivity * gap + skillEffect * (hc - 0.45));
    const leave = sround(ny * pLeave, u2);
    const pReturn = sigmoid(baseReturn - wageSensitivity * gap);
    const back = sround(migrants[i] * pReturn, frac(u2 + GOLDEN));
    const settle = sround(migrants[i] * 0.03, frac(u2 + 2 * GOLDEN));
    ny = ny - leave + back;
    if (ny > 9) ny = 9;
    youth[i] = ny;
    const nm = migrants[i] + leave - back - settle;
    migrants[i] = nm < 0 ? 0 : nm > 9 ? 9 : nm;
    k.youthOutflow[c] += leave * scale;
    if (nm > 0 && !relocated && frac(u2 + 4 * GOLDEN) < familyMove * pLeave) {
      // The whole family follows its migrants out of the county.
      status[i] = st & ~S_ALIVE;
      k.familiesLeft[c] += scale;
      continue;
    }
    k.youthReturn[c] += back * scale;
    // For the loop's attraction link: d(leave probability)/d ln(attraction) = -0.5 * slope * p(1-p).
    k.stayDerivative[c] += ny * 0.5 * wageSensitivity * pLeave * (1 - pLeave) * scale;
    k.leaveCount[c] += ny * pLeave * scale;
    k.inflowDerivative[c] += migrants[i] * 0.5 * wageSensitivity * pReturn * (1 - pReturn) * scale;
    k.inflowCount[c] += migrants[i] * pReturn * scale;
    k.stayCount[c] += ny * scale;
    if (L.laborExport[c] > 0) k.interventionCost[c] += leave * 500 * scale;

    // ---- Industry: imitate last year's most profitable product, with inertia ----------------
    const farmLabour = Math.max(0.05, (youth[i] + adults[i] + 0.4 * elders[i]) * 0.8 - wl);
    m.profitSum[c * products + ind] += operating * scale;
    farmWorkers[c] += farmLabour * scale;
    m.labourSum[c * products + ind] += farmLabour * scale;
    if (!relocated && frac(u2 + 3 * GOLDEN) < imitation) {
      const row = v.terrain[vi] * products;
      let best = ind;
      let bestValue = m.profitPerWorker[c * products + ind] * 1.15;
      for (let j = 0; j < products; j++) {
        const value = m.profitPerWorker[c * products + j] * suitability[row + j];
        if (value > bestValue) {
          best = j;
          bestValue = value;
        }
      }
      industry[i] = best;
    }
    k.farmOutput[c] += operating * scale;

    // ---- Drive (内生动力) ------------------------------------------------------------------------
    const handoutShare = total > 0 ? handout / total : 0;
    const participation = L.participation[c] + (support > 0 ? L.workShare[c] * 0.5 : 0);
    let d = drive[i] + driveResponse * (participation - handoutDrag * handoutShare + 2 * k.growthMomentum[c] + 0.2 * (0.55 - drive[i]));
    drive[i] = d < 0.05 ? 0.05 : d > 1 ? 1 : d;

    // ---- Relocated households integrate --------------------------------------------------------
    if (relocated && integration[i] < 1) {
      const gain = integrationRate * (L.relocationEmployment[c] > 0 ? 1.5 : 1) * (wl > 0.5 ? 1.2 : 0.8);
      integration[i] = Math.min(1, integration[i] + gain);
    }

    // ---- Poverty flags, village load ---------------------------------------------------------
    let s2 = status[i];
    if (pc < line) {
      if ((s2 & S_POOR) === 0 && (s2 & S_EVER_REGISTERED) === 0) k.newPoorHouseholds[c] += scale;
      s2 |= S_POOR;
    } else s2 &= ~S_POOR;
    if (L.bigData[c] > 0 && pc < band && (s2 & S_REGISTERED) === 0) s2 |= S_MONITORED;
    else if (pc >= band) s2 &= ~S_MONITORED;
    status[i] = s2;
    const residents = kids[i] + youth[i] + adults[i] + elders[i];
    v.residents[vi] += residents;
    v.load[vi] += residents * (ind === livestock ? 1.8 : ind === grain ? 1 : 0.8);
    k.ecoMean[c] += v.eco[vi] * residents;
    k.ecoWeight[c] += residents;
    k.residents[c] += residents * scale;
    k.youthResidents[c] += youth[i] * scale;
    k.adultHumanCapital[c] += humanCapital[i] * (youth[i] + adults[i]);
    k.workingAge[c] += youth[i] + adults[i];
    k.pupils[c] += kids[i] * pupilShare * scale;
  }

  for (let c = 0; c < k.count; c++) {
    k.ecoMean[c] = k.ecoWeight[c] > 0 ? k.ecoMean[c] / k.ecoWeight[c] : 0;
    k.adultHumanCapital[c] = k.workingAge[c] > 0 ? k.adultHumanCapital[c] / k.workingAge[c] : 0;
    k.farmPerWorker[c] = farmWorkers[c] > 0 ? k.farmOutput[c] / farmWorkers[c] : 0;
    for (let j = 0; j < products; j++) {
      // Products nobody grows in the county keep last year's figure: nobody to imitate.
      const labour = m.labourSum[c * products + j];
      if (labour > 0) m.profitPerWorker[c * products + j] = m.profitSum[c * products + j] / labour;
    }
  }
}
