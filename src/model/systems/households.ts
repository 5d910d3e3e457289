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
  // Columns hoisted into locals: a property lookup per use is costly in the hot loop.
  const kAdultHumanCapital = k.adultHumanCapital;
  const kAttraction = k.attraction;
  const kEcoMean = k.ecoMean;
  const kEcoWeight = k.ecoWeight;
  const kFamiliesLeft = k.familiesLeft;
  const kFarmOutput = k.farmOutput;
  const kFarmPerWorker = k.farmPerWorker;
  const kGrowthMomentum = k.growthMomentum;
  const kHouseholdAssets = k.householdAssets;
  const kHouseholdLocalInvestment = k.householdLocalInvestment;
  const kIncomeOperating = k.incomeOperating;
  const kIncomeProperty = k.incomeProperty;
  const kIncomeTransfer = k.incomeTransfer;
  const kIncomeWage = k.incomeWage;
  const kInflowCount = k.inflowCount;
  const kInflowDerivative = k.inflowDerivative;
  const kInterventionCost = k.interventionCost;
  const kJobRate = k.jobRate;
  const kLeaveCount = k.leaveCount;
  const kLocalWage = k.localWage;
  const kNewPoorHouseholds = k.newPoorHouseholds;
  const kPupils = k.pupils;
  const kResidents = k.residents;
  const kSavingsFlow = k.savingsFlow;
  const kSchoolQuality = k.schoolQuality;
  const kStayCount = k.stayCount;
  const kStayDerivative = k.stayDerivative;
  const kThresholdFactor = k.thresholdFactor;
  const kTransport = k.transport;
  const kWorkingAge = k.workingAge;
  const kYouthOutflow = k.youthOutflow;
  const kYouthResidents = k.youthResidents;
  const kYouthReturn = k.youthReturn;
  const lBenefitPerPerson = L.benefitPerPerson;
  const lBigData = L.bigData;
  const lEcoCompensation = L.ecoCompensation;
  const lIndustrySubsidy = L.industrySubsidy;
  const lInsuranceCoverage = L.insuranceCoverage;
  const lLaborExport = L.laborExport;
  const lMicrocredit = L.microcredit;
  const lNutrition = L.nutrition;
  const lParticipation = L.participation;
  const lPhaseOutGradual = L.phaseOutGradual;
  const lPhaseOutSet = L.phaseOutSet;
  const lPhaseOutYears = L.phaseOutYears;
  const lRegistration = L.registration;
  const lRelocationEmployment = L.relocationEmployment;
  const lSocialFloor = L.socialFloor;
  const lSocialFloorNearPoor = L.socialFloorNearPoor;
  const lWorkShare = L.workShare;
  const lYears12 = L.years12;
  const vDisaster = v.disaster;
  const vEco = v.eco;
  const vLoad = v.load;
  const vResidents = v.residents;
  const vTerrain = v.terrain;
  const mCountySupply = m.countySupply;
  const mLabourSum = m.labourSum;
  const mProfitPerWorker = m.profitPerWorker;
  const mProfitSum = m.profitSum;
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
  const selectivity = p['migration.selectivity'];
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
    kFarmOutput[c] = 0;
    kSavingsFlow[c] = 0;
    kHouseholdLocalInvestment[c] = 0;
    kYouthOutflow[c] = 0;
    kYouthReturn[c] = 0;
    kStayDerivative[c] = 0;
    kInflowDerivative[c] = 0;
    kInflowCount[c] = 0;
    kStayCount[c] = 0;
    kLeaveCount[c] = 0;
    kNewPoorHouseholds[c] = 0;
    kFamiliesLeft[c] = 0;
    kEcoMean[c] = 0;
    kEcoWeight[c] = 0;
    kResidents[c] = 0;
    kPupils[c] = 0;
    kHouseholdAssets[c] = 0;
    kAdultHumanCapital[c] = 0;
    kWorkingAge[c] = 0;
    kIncomeOperating[c] = 0;
    kIncomeWage[c] = 0;
    kIncomeProperty[c] = 0;
    kIncomeTransfer[c] = 0;
    kYouthResidents[c] = 0;
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
    const supplyHere = mCountySupply[c * products + ind];
    const subsidy = supplyHere > 0 ? Math.min(1, lIndustrySubsidy[c * products + ind] / supplyHere) : 0;
    let operating = q * (price[ind] * (1 + subsidy) - inputCost[ind]);
    if (subsidy > 0) kInterventionCost[c] += q * price[ind] * subsidy * scale;
    const coverage = lInsuranceCoverage[c];
    if (coverage > 0) {
      // Indemnity for the fall of revenue below the insured value (base price, no disaster).
      const insuredValue = (vDisaster[vi] ? q / (1 - disasterLoss) : q) * 0.9;
      const loss = insuredValue - q * price[ind];
      if (loss > 0) {
        operating += coverage * loss;
        kInterventionCost[c] += coverage * loss * 1.2 * scale;
      }
    }
    const wl = wageLabour[i];
    let wage = wl * kLocalWage[c] * Math.exp(0.5 * mincer * humanCapital[i]) + migrants[i] * remit * (0.3 + 1.4 * humanCapital[i]);
    const property = savings[i] * 0.02 + (relocated ? land[i] * 150 : 0);
    let transfer = elders[i] * pension;
    let handout = 0;
    // Poverty-specific support: registered households, and exited ones while support lasts.
    let support = 0;
    if ((st & S_REGISTERED) !== 0) support = 1;
    else if ((st & S_EXITED) !== 0) {
      const since = t - exitYear[i];
      if (since <= supportYears) support = 1;
      else if (lPhaseOutSet[c] > 0 && lPhaseOutGradual[c] > 0 && lPhaseOutYears[c] > 0) {
        support = Math.max(0, 1 - (since - supportYears) / lPhaseOutYears[c]);
      }
    }
    if (support > 0 && lRegistration[c] > 0) {
      const benefit = lBenefitPerPerson[c] * n * support;
      const work = benefit * lWorkShare[c];
      wage += work; // work-for-relief (以工代赈)
      transfer += benefit - work;
      handout += benefit - work;
      kInterventionCost[c] += benefit * scale;
    }
    if (lEcoCompensation[c] > 0 && !relocated) {
      transfer += lEcoCompensation[c];
      kInterventionCost[c] += lEcoCompensation[c] * scale;
    }
    let total = operating + wage + property + transfer - shockCost[i];
    // Social floor (低保): tops registered (optionally monitored near-poor) households up.
    const floor = lSocialFloor[c];
    if (floor > 0 && (support > 0 || (lSocialFloorNearPoor[c] > 0 && (st & S_MONITORED) !== 0)) && total < floor * n) {
      const topUp = floor * n - total;
      total += topUp;
      handout += topUp;
      kInterventionCost[c] += topUp * scale;
    }
    const pc = total / n;
    kIncomeOperating[c] += operating * scale;
    kIncomeWage[c] += wage * scale;
    kIncomeProperty[c] += property * scale;
    kIncomeTransfer[c] += (transfer + (total - (operating + wage + property + transfer - shockCost[i]))) * scale;
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
      const own = marginalReturn(as, (threshold * kThresholdFactor[c]) / ability[i], rHigh, rLow) * price[ind] * (0.35 + 0.65 * vEco[vi]);
      const ownShare = relocated ? 0.1 : sigmoid(20 * (own - outsideReturn));
      as += saving * ownShare;
      kHouseholdLocalInvestment[c] += saving * ownShare * scale;
      sv += saving * (1 - ownShare);
      kSavingsFlow[c] += saving * (1 - ownShare) * scale;
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
    if (lMicrocredit[c] > 0 && (st & S_REGISTERED) !== 0 && db === 0) {
      const loan = lMicrocredit[c];
      db = loan;
      as += loan * 0.8;
    }
    if (db > 0 && lMicrocredit[c] > 0 && (st & S_EVER_REGISTERED) !== 0) kInterventionCost[c] += db * 0.1 * scale;
    assets[i] = as * (1 - depreciation);
    kHouseholdAssets[c] += assets[i] * scale;
    savings[i] = sv;
    debt[i] = db;

    // ---- Human capital and generations -----------------------------------------------------
    const poor = pc < line;
    if (kids[i] > 0) {
      let learn = learningRate * kSchoolQuality[c] * (0.6 + 0.4 * health[i]);
      if (lNutrition[c] > 0) {
        learn *= 1 + nutritionEffect;
        kInterventionCost[c] += kids[i] * 0.33 * 300 * scale;
      } else if (poor) learn *= 1 - nutritionEffect * 0.5; // stunting and anaemia in poor homes
      if (lYears12[c] === 0 && poor && sv < shockCost[i]) learn *= 1 - dropoutCost * 0.25; // upper-secondary drop-out
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
    const outsideExpected = w.outsideWage * Math.min(1, urbanJob + 0.1 * lLaborExport[c]) * (0.3 + 1.4 * hc);
    const localExpected = Math.max(1000, kJobRate[c] * kLocalWage[c] * Math.exp(0.5 * mincer * hc) + (1 - kJobRate[c]) * kFarmPerWorker[c]);
    const ties = familyTie * ((nk > 0 ? 1 : 0) + (elders[i] > 0 ? 0.5 : 0));
    const gap = Math.log(outsideExpected / localExpected) - movingCost * (1 - 0.5 * kTransport[c]) * (1 - 0.5 * lLaborExport[c]) -
      ties - 0.5 * Math.log(kAttraction[c]) - referenceGap;
    const pLeave = sigmoid(baseLeave + wageSensitivity * gap + skillEffect * (hc - 0.45));
    const leave = sround(ny * pLeave, u2);
    const pReturn = sigmoid(baseReturn - wageSensitivity * gap);
    const back = sround(migrants[i] * pReturn, frac(u2 + GOLDEN));
    const settle = sround(migrants[i] * 0.03, frac(u2 + 2 * GOLDEN));
    if (leave > 0) {
      // The better schooled leave first (优质要素流出): the household keeps a lower mean.
      const stay = ny + adults[i] - leave;
      if (stay > 0) {
        const left = hc + selectivity > 1 ? 1 : hc + selectivity;
        const kept = (hc * (ny + adults[i]) - left * leave) / stay;
        humanCapital[i] = kept < 0.02 ? 0.02 : kept;
      }
    }
    ny = ny - leave + back;
    if (ny > 9) ny = 9;
    youth[i] = ny;
    const nm = migrants[i] + leave - back - settle;
    migrants[i] = nm < 0 ? 0 : nm > 9 ? 9 : nm;
    kYouthOutflow[c] += leave * scale;
    if (nm > 0 && !relocated && frac(u2 + 4 * GOLDEN) < familyMove * pLeave) {
      // The whole family follows its migrants out of the county.
      status[i] = st & ~S_ALIVE;
      kFamiliesLeft[c] += scale;
      continue;
    }
    kYouthReturn[c] += back * scale;
    // For the loop's attraction link: d(leave probability)/d ln(attraction) = -0.5 * slope * p(1-p).
    kStayDerivative[c] += ny * 0.5 * wageSensitivity * pLeave * (1 - pLeave) * scale;
    kLeaveCount[c] += ny * pLeave * scale;
    kInflowDerivative[c] += migrants[i] * 0.5 * wageSensitivity * pReturn * (1 - pReturn) * scale;
    kInflowCount[c] += migrants[i] * pReturn * scale;
    kStayCount[c] += ny * scale;
    if (lLaborExport[c] > 0) kInterventionCost[c] += leave * 500 * scale;

    // ---- Industry: imitate last year's most profitable product, with inertia ----------------
    const farmLabour = Math.max(0.05, (youth[i] + adults[i] + 0.4 * elders[i]) * 0.8 - wl);
    mProfitSum[c * products + ind] += operating * scale;
    farmWorkers[c] += farmLabour * scale;
    mLabourSum[c * products + ind] += farmLabour * scale;
    if (!relocated && frac(u2 + 3 * GOLDEN) < imitation) {
      const row = vTerrain[vi] * products;
      let best = ind;
      let bestValue = mProfitPerWorker[c * products + ind] * 1.15;
      for (let j = 0; j < products; j++) {
        const value = mProfitPerWorker[c * products + j] * suitability[row + j];
        if (value > bestValue) {
          best = j;
          bestValue = value;
        }
      }
      industry[i] = best;
    }
    kFarmOutput[c] += operating * scale;

    // ---- Drive (内生动力) ------------------------------------------------------------------------
    const handoutShare = total > 0 ? handout / total : 0;
    const participation = lParticipation[c] + (support > 0 ? lWorkShare[c] * 0.5 : 0);
    let d = drive[i] + driveResponse * (participation - handoutDrag * handoutShare + 2 * kGrowthMomentum[c] + 0.2 * (0.55 - drive[i]));
    drive[i] = d < 0.05 ? 0.05 : d > 1 ? 1 : d;

    // ---- Relocated households integrate --------------------------------------------------------
    if (relocated && integration[i] < 1) {
      const gain = integrationRate * (lRelocationEmployment[c] > 0 ? 1.5 : 1) * (wl > 0.5 ? 1.2 : 0.8);
      integration[i] = Math.min(1, integration[i] + gain);
    }

    // ---- Poverty flags, village load ---------------------------------------------------------
    let s2 = status[i];
    if (pc < line) {
      if ((s2 & S_POOR) === 0 && (s2 & S_EVER_REGISTERED) === 0) kNewPoorHouseholds[c] += scale;
      s2 |= S_POOR;
    } else s2 &= ~S_POOR;
    if (lBigData[c] > 0 && pc < band && (s2 & S_REGISTERED) === 0) s2 |= S_MONITORED;
    else if (pc >= band) s2 &= ~S_MONITORED;
    status[i] = s2;
    const residents = kids[i] + youth[i] + adults[i] + elders[i];
    vResidents[vi] += residents;
    vLoad[vi] += residents * (ind === livestock ? 1.8 : ind === grain ? 1 : 0.8);
    kEcoMean[c] += vEco[vi] * residents;
    kEcoWeight[c] += residents;
    kResidents[c] += residents * scale;
    kYouthResidents[c] += youth[i] * scale;
    kAdultHumanCapital[c] += humanCapital[i] * (youth[i] + adults[i]);
    kWorkingAge[c] += youth[i] + adults[i];
    kPupils[c] += kids[i] * pupilShare * scale;
  }

  for (let c = 0; c < k.count; c++) {
    kEcoMean[c] = kEcoWeight[c] > 0 ? kEcoMean[c] / kEcoWeight[c] : 0;
    kAdultHumanCapital[c] = kWorkingAge[c] > 0 ? kAdultHumanCapital[c] / kWorkingAge[c] : 0;
    kFarmPerWorker[c] = farmWorkers[c] > 0 ? kFarmOutput[c] / farmWorkers[c] : 0;
    for (let j = 0; j < products; j++) {
      // Products nobody grows in the county keep last year's figure: nobody to imitate.
      const labour = mLabourSum[c * products + j];
      if (labour > 0) mProfitPerWorker[c * products + j] = mProfitSum[c * products + j] / labour;
    }
  }
}
