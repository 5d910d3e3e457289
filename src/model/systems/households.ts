import { addCost, LEVER_INDEX } from '../levers/costs';
import { STATUS } from '../state/households';
import type { World } from '../state/world';
import { PUPIL_SHARE } from '../state/posts';
import { ALEA_STATE, drawFrom, loadStream, stochasticRound, storeStream } from '../rng';
import { GRAIN, INPUT_COST, inverseThresholds, LIVESTOCK, PRODUCTS, SUITABILITY } from './production';
import { assetPow, HC_BINS, LOGISTIC_BINS, LOGISTIC_RANGE, lookup, MIGRATION_BINS, TIE_STATES } from './tables';

/** Status bits as local constants (imported bindings are slower in hot loops under some loaders). */
const S_ALIVE = STATUS.alive;
const S_REGISTERED = STATUS.registered;
const S_EXITED = STATUS.exited;
const S_EVER_REGISTERED = STATUS.everRegistered;
const S_RELOCATED = STATUS.relocated;
const S_MONITORED = STATUS.monitored;
const S_POOR = STATUS.poor;

const GOLDEN = 0.6180339887498949;
/** Village terrain codes (rows of SUITABILITY). */
const TERRAINS = SUITABILITY.length / PRODUCTS;
/** Best product and its value by county and terrain (grown when a world has more counties). */
let bestProduct = new Int32Array(0);
let bestProductValue = new Float64Array(0);
/** Subsidy share and margin by county and product, schooling factor by county (per year). */
let subsidyShare = new Float64Array(0);
let productMargin = new Float64Array(0);
let schooling = new Float64Array(0);
const logit = (p: number) => Math.log(p / (1 - p));

/**
 * Steps 5c to 9 for households (second household pass, after prices are known):
 * income by its four sources, benefits and costs; consumption, saving and the choice between
 * investing in own assets, depositing locally or sending savings out; children's learning and
 * the succession of generations; youth migration and return (Harris-Todaro); next year's
 * industry by imitation of last year's most profitable product; and drive (内生动力).
 */
/** Per-county sums gathered in the household pass (agent units; multiplied by scale at the end). */
const A_FARM_OUTPUT = 0;
const A_SAVINGS_FLOW = 1;
const A_LOCAL_INVESTMENT = 2;
const A_YOUTH_OUTFLOW = 3;
const A_YOUTH_RETURN = 4;
const A_STAY_DERIVATIVE = 5;
const A_INFLOW_DERIVATIVE = 6;
const A_INFLOW_COUNT = 7;
const A_STAY_COUNT = 8;
const A_LEAVE_COUNT = 9;
const A_NEW_POOR = 10;
const A_FAMILIES_LEFT = 11;
const A_ECO = 12;
const A_RESIDENTS = 13;
const A_PUPILS = 14;
const A_ASSETS = 15;
const A_ADULT_HC = 16;
const A_WORKING_AGE = 17;
const A_OPERATING = 18;
const A_WAGE = 19;
const A_PROPERTY = 20;
const A_TRANSFER = 21;
const A_YOUTH = 22;
const A_FARM_WORKERS = 23;
/** Costs by lever: industry subsidy, insurance, benefits, eco-compensation, social floor, credit, nutrition, labour export. */
const A_COST_SUBSIDY = 24;
const A_COST_INSURANCE = 25;
const A_COST_BENEFIT = 26;
const A_COST_ECO = 27;
const A_COST_FLOOR = 28;
const A_COST_CREDIT = 29;
const A_COST_NUTRITION = 30;
const A_COST_LABOUR = 31;
const A_NEVER_REGISTERED = 32;
const A_ECO_WEIGHT = 33;
const A_COST_PARTICIPATION = 34;
const A_SUPPORTED = 35;
export const ACCUMULATORS = 36;
/** Lever of each cost accumulator, in order from A_COST_SUBSIDY. */
const COST_LEVERS = ['industrySupport', 'marketInsurance', 'registration', 'ecoCompensation', 'socialFloor', 'microcredit', 'education', 'laborExport'] as const;

/**
 * Steps 5c to 9 for households (second household pass, after prices are known):
 * income by its four sources, benefits and costs; consumption, saving and the choice between
 * investing in own assets, depositing locally or sending savings out; children's learning and
 * the succession of generations; youth migration and return (Harris-Todaro); next year's
 * industry by imitation of last year's most profitable product; and drive (内生动力).
 *
 * Performance: the loop reads county and lever columns through hoisted locals, gathers county
 * sums in one small block, uses lookup tables for exp/log (systems/tables.ts) and allocates
 * nothing.
 */
export function householdYear(w: World): void {
  const p = w.params;
  // Imported bindings copied to locals: some module loaders turn them into getters.
  const products = PRODUCTS;
  const inputCost = INPUT_COST;
  const suitability = SUITABILITY;
  const livestock = LIVESTOCK;
  const grain = GRAIN;
  const pupilShare = PUPIL_SHARE;
  const look = lookup;
  const hcBins = HC_BINS;
  const migrationBins = MIGRATION_BINS;
  const tieStates = TIE_STATES;
  const h = w.households;
  const k = w.county;
  const v = w.villages;
  const L = w.levers;
  const m = w.markets;
  const nC = k.count;
  const tables = w.tables;
  const hcWage = tables.hcWage;
  const logistic = tables.logistic;
  const logisticRange = LOGISTIC_RANGE;
  const logisticStep = LOGISTIC_BINS / (2 * logisticRange);
  const leaveTable = tables.leave;
  const returnTable = tables.ret;
  // County and lever columns read in the loop.
  const kGrowthMomentum = k.growthMomentum;
  const kLocalWage = k.localWage;
  const kSchoolQuality = k.schoolQuality;
  const kTransport = k.transport;
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
  const vSite = v.site;
  const mCountySupply = m.countySupply;
  const mLabourSum = m.labourSum;
  const mProfitPerWorker = m.profitPerWorker;
  const mProfitSum = m.profitSum;
  const { kids, youth, adults, elders, migrants, status, health, drive, land, assets, savings, debt, ability, humanCapital,
    childHumanCapital, industry, village, county, homeCounty, income, output, shockCost, wageLabour, integration, exitYear } = h;
  const scale = w.scale;
  const line = p['policy.povertyLine'];
  const band = p['policy.monitorBand'] * line;
  const subsistence = p['household.subsistence'];
  const savingRate = p['household.savingRate'];
  const rHigh = p['household.assetReturnHigh'];
  const rLow = p['household.assetReturnLow'];
  const keep = 1 - p['household.assetDepreciation'];
  const outsideReturn = p['macro.outsideReturn'];
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
  const familyMove = p['migration.familyMove'];
  const selectivity = p['migration.selectivity'];
  const halfSlope = 0.5 * p['migration.wageSensitivity'];
  const integrationRate = p['relocation.integrationRate'];
  const t = w.t;
  const price = m.price;
  const migrationStride = migrationBins + 2;

  buildMigrationTables(w);
  const inverseThreshold = inverseThresholds(w);
  const grantPerPerson = w.scratch.perCounty[3];
  // Shared among the people supported last year (registered, or exited within support).
  for (let c = 0; c < nC; c++) grantPerPerson[c] = k.supportedPeople[c] > 0 ? (0.5 * k.povertySpending[c]) / k.supportedPeople[c] : 0;
  // Last year's most profitable product (profit per worker times suitability) of each county and
  // terrain: the product the imitation step below compares with its own.
  if (bestProduct.length < nC * TERRAINS) {
    bestProduct = new Int32Array(nC * TERRAINS);
    bestProductValue = new Float64Array(nC * TERRAINS);
  }
  for (let c = 0; c < nC; c++) {
    for (let tr = 0; tr < TERRAINS; tr++) {
      let best = -1;
      let bestValue = -Infinity;
      for (let jj = 0; jj < products; jj++) {
        const value = mProfitPerWorker[c * products + jj] * suitability[tr * products + jj];
        if (value > bestValue) {
          best = jj;
          bestValue = value;
        }
      }
      bestProduct[c * TERRAINS + tr] = best;
      bestProductValue[c * TERRAINS + tr] = bestValue;
    }
  }
  // Subsidy share and margin of each county and product (the same for every household growing it).
  if (subsidyShare.length < nC * products) {
    subsidyShare = new Float64Array(nC * products);
    productMargin = new Float64Array(nC * products);
  }
  for (let c = 0; c < nC; c++) {
    for (let ind = 0; ind < products; ind++) {
      const cp = c * products + ind;
      const supplyHere = mCountySupply[cp];
      const unitPrice = price[ind];
      // The subsidy budget is paid as a share of the product's revenue in the county (capped at 100%).
      const subsidy = supplyHere > 0 && lIndustrySubsidy[cp] > 0 ? Math.min(1, lIndustrySubsidy[cp] / (supplyHere * unitPrice)) : 0;
      subsidyShare[cp] = subsidy;
      // Below its input cost a crop is not worth harvesting: the margin is floored at zero.
      productMargin[cp] = unitPrice * (1 + subsidy) - inputCost[ind];
    }
  }
  // Teaching delivered times access (children reach school on roads), by county.
  if (schooling.length < nC) schooling = new Float64Array(nC);
  for (let c = 0; c < nC; c++) schooling[c] = learningRate * kSchoolQuality[c] * (0.5 + 0.5 * kTransport[c]);
  const acc = w.scratch.accumulators;
  acc.fill(0);
  mProfitSum.fill(0);
  mLabourSum.fill(0);
  vResidents.fill(0);
  vLoad.fill(0);
  // The households' streams, each held for a run of its county below (rng.ts RunStream: the same
  // numbers as w.rng.households[c]()).
  const rs = w.rng.households.states;

  // Households are visited in runs of one county (a county's households are contiguous except
  // where relocation moved some across): the county's columns are read once per run and its sums
  // gathered in locals, added to the accumulators when the run ends. A county visited in one run
  // gets exactly the sums of household-by-household accumulation (both start from zero).
  const count = h.count;
  let i = 0;
  while (i < count) {
    const c = county[i];
    const a = c * ACCUMULATORS;
    const o = c * ALEA_STATE;
    const cpBase = c * products;
    const localWage = kLocalWage[c];
    const growthMomentum = kGrowthMomentum[c];
    const coverage = lInsuranceCoverage[c];
    const phaseOutYears = lPhaseOutSet[c] > 0 && lPhaseOutGradual[c] > 0 && lPhaseOutYears[c] > 0 ? lPhaseOutYears[c] : 0;
    const bigData = lBigData[c] > 0;
    const registration = lRegistration[c] > 0;
    const benefitPerPerson = lBenefitPerPerson[c];
    const workShare = lWorkShare[c];
    const ecoCompensation = lEcoCompensation[c];
    const floor = lSocialFloor[c];
    const floorNearPoor = lSocialFloorNearPoor[c] > 0;
    const inverse = inverseThreshold[c];
    const grant = grantPerPerson[c];
    const credit = lMicrocredit[c];
    const schoolingHere = schooling[c];
    const nutrition = lNutrition[c] > 0;
    const noYears12 = lYears12[c] === 0;
    const laborExport = lLaborExport[c] > 0;
    const participationBase = lParticipation[c];
    const rowBase = c * tieStates;
    const g = loadStream(rs, o);
    let sFarmOutput = 0;
    let sSavingsFlow = 0;
    let sLocalInvestment = 0;
    let sYouthOutflow = 0;
    let sYouthReturn = 0;
    let sStayDerivative = 0;
    let sInflowDerivative = 0;
    let sInflowCount = 0;
    let sStayCount = 0;
    let sLeaveCount = 0;
    let sNewPoor = 0;
    let sFamiliesLeft = 0;
    let sEco = 0;
    let sResidents = 0;
    let sPupils = 0;
    let sAssets = 0;
    let sAdultHc = 0;
    let sWorkingAge = 0;
    let sOperating = 0;
    let sWage = 0;
    let sProperty = 0;
    let sTransfer = 0;
    let sYouth = 0;
    let sFarmWorkers = 0;
    let sCostSubsidy = 0;
    let sCostInsurance = 0;
    let sCostBenefit = 0;
    let sCostEco = 0;
    let sCostFloor = 0;
    let sCostCredit = 0;
    let sCostNutrition = 0;
    let sCostLabour = 0;
    let sNeverRegistered = 0;
    let sEcoWeight = 0;
    let sCostParticipation = 0;
    let sSupported = 0;
    for (; i < count; i++) {
      const st = status[i];
      if ((st & S_ALIVE) === 0) continue;
      if (county[i] !== c) break;
      const n = kids[i] + youth[i] + adults[i] + elders[i];
      const ind = industry[i];
      const vi = village[i];
      const relocated = (st & S_RELOCATED) !== 0;

      // ---- Income by source -------------------------------------------------------------------
      const q = output[i];
      const cp = cpBase + ind;
      const unitPrice = price[ind];
      const subsidy = subsidyShare[cp];
      const margin = productMargin[cp];
      let operating = margin > 0 ? q * margin : 0;
      if (subsidy > 0) sCostSubsidy += q * unitPrice * subsidy;
      if (coverage > 0) {
        // Indemnity for the fall of revenue below the insured value (base price, no disaster).
        const insuredValue = (vDisaster[vi] ? q / (1 - disasterLoss) : q) * 0.9;
        const loss = insuredValue - q * unitPrice;
        if (loss > 0) {
          operating += coverage * loss;
          sCostInsurance += coverage * loss * 1.2;
        }
      }
      const wl = wageLabour[i];
      const hc0 = humanCapital[i];
      let wage = wl * localWage * look(hcWage, hc0, hcBins) + migrants[i] * remit * (0.3 + 1.4 * hc0);
      const property = savings[i] * 0.02 + (relocated ? land[i] * 150 : 0);
      let transfer = elders[i] * pension;
      let handout = 0;
      // Poverty-specific support: registered households, and exited ones while support lasts.
      let support = 0;
      if ((st & S_REGISTERED) !== 0) support = 1;
      else if ((st & S_EXITED) !== 0) {
        const since = t - exitYear[i];
        if (since <= supportYears) support = 1;
        else if (phaseOutYears > 0) support = Math.max(0, 1 - (since - supportYears) / phaseOutYears);
      }
      // Big-data monitoring (动态监测): a monitored near-poor household that falls below the line
      // is supported in the same year instead of waiting for next year's registration round.
      if (support === 0 && bigData && (st & S_MONITORED) !== 0 && operating + wage + property + transfer - shockCost[i] < line * n) support = 1;
      if (support > 0 && registration) {
        const benefit = benefitPerPerson * n * support;
        const work = benefit * workShare;
        wage += work; // work-for-relief (以工代赈)
        transfer += benefit - work;
        handout += benefit - work;
        sCostBenefit += benefit;
      }
      if (ecoCompensation > 0 && !relocated) {
        transfer += ecoCompensation;
        sCostEco += ecoCompensation;
      }
      const earned = operating + wage + property + transfer - shockCost[i];
      let total = earned;
      // Social floor (低保): tops supported households up (registered, exited within support, helped
      // under big data), and with the near-poor option every monitored household.
      if (floor > 0 && (support > 0 || (floorNearPoor && (st & S_MONITORED) !== 0)) && total < floor * n) {
        const topUp = floor * n - total;
        total += topUp;
        handout += topUp;
        sCostFloor += topUp;
      }
      const pc = total / n;
      sOperating += operating;
      sWage += wage;
      sProperty += property;
      sTransfer += transfer + (total - earned);
      income[i] = pc;

      // ---- Consumption, saving, investment ----------------------------------------------------
      const need = subsistence * n;
      let sv = savings[i];
      let as = assets[i];
      let db = debt[i];
      const eco = vEco[vi];
      if (total >= need) {
        let saving = (total - need) * savingRate;
        if (db > 0) {
          const pay = Math.min(saving, db * 0.36);
          db = db * 1.06 - pay;
          saving -= pay;
          if (db < 1) db = 0;
        }
        let ownShare = 0.1;
        if (!relocated) {
          // Invest in own assets where their marginal return beats the outside rate (logistic, slope 20).
          // marginalAssetReturnAt(), written out: called here, householdYear took about 5% longer at
          // 1 M households and a profiled run had 542 young-generation collections against 446 (its
          // result was boxed per household; bench/README item 19).
          const r = as * ability[i] * inverse;
          // Both arms computed: a ternary between a bare parameter (a tagged value) and a computed
          // double made V8 allocate a heap number for every household.
          const ecoTerm = 0.35 + 0.65 * eco;
          const own = r < 1 ? rLow * unitPrice * ecoTerm : 0.6 * rHigh * assetPow(r) * unitPrice * ecoTerm;
          ownShare = look(logistic, (own - outsideReturn) * 20 + logisticRange, logisticStep);
        }
        as += saving * ownShare;
        sLocalInvestment += saving * ownShare;
        sv += saving * (1 - ownShare);
        sSavingsFlow += saving * (1 - ownShare);
      } else {
        // Below subsistence: run down savings, then sell assets at a loss, then borrow.
        let gap = need - total;
        const fromSavings = sv < gap ? sv : gap;
        sv -= fromSavings;
        gap -= fromSavings;
        const fromAssets = as * 0.7 < gap ? as * 0.7 : gap;
        as = as - fromAssets / 0.7 > 0 ? as - fromAssets / 0.7 : 0;
        gap -= fromAssets;
        db = db * 1.06 + gap * 0.5;
      }
      // Village poverty projects (产业扶贫): productive assets (livestock, seedlings, sheds) per person
      // for every supported household (registered, exited within support, or monitored and helped
      // under big data). The amount per person is half the category's spending over last year's
      // supported people (ODD §7.6), so what is handed out equals half the category only when the
      // number supported is unchanged.
      if (support > 0) {
        as += grant * n;
        sSupported += n;
      }
      if (credit > 0) {
        if ((st & S_REGISTERED) !== 0 && db === 0) {
          db = credit;
          as += credit * 0.8;
        }
        if (db > 0 && (st & S_EVER_REGISTERED) !== 0) sCostCredit += (db < credit ? db : credit) * 0.1;
      }
      as *= keep;
      assets[i] = as;
      sAssets += as;
      savings[i] = sv;
      debt[i] = db;

      // ---- Human capital and generations -----------------------------------------------------
      const poor = pc < line;
      let nk = kids[i];
      if (nk > 0) {
        // Teaching delivered, times access (children reach school on roads), times health.
        let learn = schoolingHere * (0.6 + 0.4 * health[i]);
        if (nutrition) {
          learn *= 1 + nutritionEffect;
          sCostNutrition += nk * 0.33 * 300;
        } else if (poor) learn *= 1 - nutritionEffect * 0.5; // stunting and anaemia in poor homes
        if (noYears12 && poor && sv < shockCost[i]) learn *= 1 - dropoutCost * 0.25; // upper-secondary drop-out
        childHumanCapital[i] += learn * (1 - childHumanCapital[i]);
      }
      // One draw gives several uniform marginals: u, u + φ, u + 2φ, ... (mod 1), each used for
      // one unbiased stochastic rounding of an expected count.
      const u = drawFrom(g);
      let ny = youth[i];
      let na = adults[i];
      let ne = elders[i];
      const toYouth = stochasticRound(nk / 18, u);
      let uj = u + GOLDEN;
      uj -= Math.floor(uj);
      const toAdult = stochasticRound(ny / 18, uj);
      uj += GOLDEN;
      uj -= Math.floor(uj);
      const toElder = stochasticRound(na / 25, uj);
      uj += GOLDEN;
      uj -= Math.floor(uj);
      const deaths = stochasticRound(ne * 0.055, uj);
      uj += GOLDEN;
      uj -= Math.floor(uj);
      const births = stochasticRound(ny * 0.05 + na * 0.012, uj);
      const working = ny + na;
      if (toYouth > 0) humanCapital[i] = (hc0 * working + childHumanCapital[i] * toYouth) / (working + toYouth);
      const survivors = nk - toYouth;
      nk = survivors + births;
      if (nk > 9) nk = 9;
      if (nk === 0) childHumanCapital[i] = 0;
      else if (births > 0) childHumanCapital[i] *= survivors / nk;
      kids[i] = nk;
      ny = ny + toYouth - toAdult;
      na = na + toAdult - toElder;
      ne = ne + toElder - deaths;
      adults[i] = na;
      elders[i] = ne;

      // ---- Youth migration and return (Harris-Todaro, tabulated per county in buildMigrationTables)
      const u2 = drawFrom(g);
      const hc = humanCapital[i];
      const tie = (nk > 0 ? 1 : 0) + (ne > 0 ? 2 : 0);
      const row = (rowBase + tie) * migrationStride;
      // Math.min, not a clamp with the imported constant (that allocated a heap number per household).
      const s = Math.min(hc * migrationBins, migrationBins);
      const j = s | 0;
      const fr = s - j;
      const pLeave = leaveTable[row + j] + fr * (leaveTable[row + j + 1] - leaveTable[row + j]);
      const pReturn = returnTable[row + j] + fr * (returnTable[row + j + 1] - returnTable[row + j]);
      const leave = stochasticRound(ny * pLeave, u2);
      const nm0 = migrants[i];
      uj = u2 + GOLDEN;
      uj -= Math.floor(uj);
      const back = stochasticRound(nm0 * pReturn, uj);
      uj += GOLDEN;
      uj -= Math.floor(uj);
      const settle = stochasticRound(nm0 * 0.03, uj);
      if (leave > 0) {
        // The better schooled leave first (优质要素流出): the household keeps a lower mean.
        const stay = ny + na - leave;
        if (stay > 0) {
          const left = hc + selectivity > 1 ? 1 : hc + selectivity;
          const kept = (hc * (ny + na) - left * leave) / stay;
          humanCapital[i] = kept < 0.02 ? 0.02 : kept;
        }
      }
      ny = ny - leave + back;
      if (ny > 9) ny = 9;
      youth[i] = ny;
      let nm = nm0 + leave - back - settle;
      nm = nm < 0 ? 0 : nm > 9 ? 9 : nm;
      migrants[i] = nm;
      sYouthOutflow += leave;
      if (laborExport) sCostLabour += leave * 500;
      uj += GOLDEN;
      uj -= Math.floor(uj);
      const imitationDraw = uj;
      uj += GOLDEN;
      uj -= Math.floor(uj);
      if (nm > 0 && !relocated && uj < familyMove * pLeave) {
        // The whole family follows its migrants out of the county.
        status[i] = st & ~S_ALIVE;
        sFamiliesLeft += 1;
        continue;
      }
      sYouthReturn += back;
      // For the loop's attraction link: d p / d ln(attraction) = 0.5 * slope * p (1 - p), for
      // leaving (outflow) and for returning (inflow).
      sStayDerivative += ny * halfSlope * pLeave * (1 - pLeave);
      sLeaveCount += ny * pLeave;
      sInflowDerivative += nm * halfSlope * pReturn * (1 - pReturn);
      sInflowCount += nm * pReturn;
      sStayCount += ny;

      // ---- Industry: imitate last year's most profitable product, with inertia ----------------
      let farmLabour = (ny + na + 0.4 * ne) * 0.8 - wl;
      if (farmLabour < 0.05) farmLabour = 0.05;
      mProfitSum[cp] += operating;
      mLabourSum[cp] += farmLabour;
      sFarmWorkers += farmLabour;
      if (!relocated && imitationDraw < imitation) {
        // Imitation (一拥而上): a share of households looks at last year's most profitable product
        // in the county each year and switches if it beats its own by 15% (Hommes 1994). The best
        // product of each county and terrain (first of equals) is found once before the loop.
        const bt = c * TERRAINS + vTerrain[vi];
        const best = bestProduct[bt];
        if (best >= 0 && bestProductValue[bt] > mProfitPerWorker[cp] * 1.15 && best !== ind) industry[i] = best;
      }
      sFarmOutput += operating;

      // ---- Drive (内生动力) ------------------------------------------------------------------------
      const handoutShare = total > 0 ? handout / total : 0;
      const participation = participationBase + (support > 0 ? workShare * 0.5 : 0);
      if (participationBase > 0 && support > 0) sCostParticipation += 100;
      const d0 = drive[i];
      const d = d0 + driveResponse * (participation - handoutDrag * handoutShare + 2 * growthMomentum + 0.2 * (0.55 - d0));
      drive[i] = d < 0.05 ? 0.05 : d > 1 ? 1 : d;

      // ---- Relocated households integrate --------------------------------------------------------
      if (relocated && integration[i] < 1) {
        const gain = integrationRate * (lRelocationEmployment[homeCounty[i]] > 0 ? 1.5 : 1) * (wl > 0.5 ? 1.2 : 0.8);
        integration[i] = Math.min(1, integration[i] + gain);
      }

      // ---- Poverty flags, village load ---------------------------------------------------------
      let s2 = st;
      if ((s2 & S_EVER_REGISTERED) === 0) sNeverRegistered += 1;
      if (poor) {
        if ((s2 & S_POOR) === 0 && (s2 & S_EVER_REGISTERED) === 0) sNewPoor += 1;
        s2 |= S_POOR;
      } else s2 &= ~S_POOR;
      if (bigData && pc < band && (s2 & S_REGISTERED) === 0) s2 |= S_MONITORED;
      else if (pc >= band) s2 &= ~S_MONITORED;
      status[i] = s2;
      const residents = nk + ny + na + ne;
      vResidents[vi] += residents;
      vLoad[vi] += residents * (ind === livestock ? 1.8 : ind === grain ? 1 : 0.8);
      if (!vSite[vi]) {
        // Ecology people live from: farming villages only (resettlement sites are not farmland).
        sEco += eco * residents;
        sEcoWeight += residents;
      }
      sResidents += residents;
      sYouth += ny;
      sAdultHc += humanCapital[i] * (ny + na);
      sWorkingAge += ny + na;
      sPupils += nk;
    }
    storeStream(rs, o, g);
    acc[a + A_FARM_OUTPUT] += sFarmOutput;
    acc[a + A_SAVINGS_FLOW] += sSavingsFlow;
    acc[a + A_LOCAL_INVESTMENT] += sLocalInvestment;
    acc[a + A_YOUTH_OUTFLOW] += sYouthOutflow;
    acc[a + A_YOUTH_RETURN] += sYouthReturn;
    acc[a + A_STAY_DERIVATIVE] += sStayDerivative;
    acc[a + A_INFLOW_DERIVATIVE] += sInflowDerivative;
    acc[a + A_INFLOW_COUNT] += sInflowCount;
    acc[a + A_STAY_COUNT] += sStayCount;
    acc[a + A_LEAVE_COUNT] += sLeaveCount;
    acc[a + A_NEW_POOR] += sNewPoor;
    acc[a + A_FAMILIES_LEFT] += sFamiliesLeft;
    acc[a + A_ECO] += sEco;
    acc[a + A_RESIDENTS] += sResidents;
    acc[a + A_PUPILS] += sPupils;
    acc[a + A_ASSETS] += sAssets;
    acc[a + A_ADULT_HC] += sAdultHc;
    acc[a + A_WORKING_AGE] += sWorkingAge;
    acc[a + A_OPERATING] += sOperating;
    acc[a + A_WAGE] += sWage;
    acc[a + A_PROPERTY] += sProperty;
    acc[a + A_TRANSFER] += sTransfer;
    acc[a + A_YOUTH] += sYouth;
    acc[a + A_FARM_WORKERS] += sFarmWorkers;
    acc[a + A_COST_SUBSIDY] += sCostSubsidy;
    acc[a + A_COST_INSURANCE] += sCostInsurance;
    acc[a + A_COST_BENEFIT] += sCostBenefit;
    acc[a + A_COST_ECO] += sCostEco;
    acc[a + A_COST_FLOOR] += sCostFloor;
    acc[a + A_COST_CREDIT] += sCostCredit;
    acc[a + A_COST_NUTRITION] += sCostNutrition;
    acc[a + A_COST_LABOUR] += sCostLabour;
    acc[a + A_NEVER_REGISTERED] += sNeverRegistered;
    acc[a + A_ECO_WEIGHT] += sEcoWeight;
    acc[a + A_COST_PARTICIPATION] += sCostParticipation;
    acc[a + A_SUPPORTED] += sSupported;
  }

  for (let c = 0; c < nC; c++) {
    const a = c * ACCUMULATORS;
    const residents = acc[a + A_RESIDENTS];
    k.farmOutput[c] = acc[a + A_FARM_OUTPUT] * scale;
    k.savingsFlow[c] = acc[a + A_SAVINGS_FLOW] * scale;
    k.householdLocalInvestment[c] = acc[a + A_LOCAL_INVESTMENT] * scale;
    k.youthOutflow[c] = acc[a + A_YOUTH_OUTFLOW] * scale;
    k.youthReturn[c] = acc[a + A_YOUTH_RETURN] * scale;
    k.stayDerivative[c] = acc[a + A_STAY_DERIVATIVE] * scale;
    k.inflowDerivative[c] = acc[a + A_INFLOW_DERIVATIVE] * scale;
    k.inflowCount[c] = acc[a + A_INFLOW_COUNT] * scale;
    k.stayCount[c] = acc[a + A_STAY_COUNT] * scale;
    k.leaveCount[c] = acc[a + A_LEAVE_COUNT] * scale;
    k.newPoorHouseholds[c] = acc[a + A_NEW_POOR] * scale;
    k.neverRegistered[c] = acc[a + A_NEVER_REGISTERED] * scale;
    k.supportedPeople[c] = acc[a + A_SUPPORTED] * scale;
    k.familiesLeft[c] = acc[a + A_FAMILIES_LEFT] * scale;
    k.ecoMean[c] = acc[a + A_ECO_WEIGHT] > 0 ? acc[a + A_ECO] / acc[a + A_ECO_WEIGHT] : 0;
    k.residents[c] = residents * scale;
    k.youthResidents[c] = acc[a + A_YOUTH] * scale;
    k.pupils[c] = acc[a + A_PUPILS] * pupilShare * scale;
    k.householdAssets[c] = acc[a + A_ASSETS] * scale;
    k.adultHumanCapital[c] = acc[a + A_WORKING_AGE] > 0 ? acc[a + A_ADULT_HC] / acc[a + A_WORKING_AGE] : 0;
    k.incomeOperating[c] = acc[a + A_OPERATING] * scale;
    k.incomeWage[c] = acc[a + A_WAGE] * scale;
    k.incomeProperty[c] = acc[a + A_PROPERTY] * scale;
    k.incomeTransfer[c] = acc[a + A_TRANSFER] * scale;
    for (let j = 0; j < COST_LEVERS.length; j++) {
      const yuan = acc[a + A_COST_SUBSIDY + j];
      if (yuan > 0) addCost(w, LEVER_INDEX[COST_LEVERS[j]], c, yuan * scale);
    }
    if (acc[a + A_COST_PARTICIPATION] > 0) addCost(w, LEVER_INDEX.participation, c, acc[a + A_COST_PARTICIPATION] * scale);
    const farmWorkers = acc[a + A_FARM_WORKERS];
    k.farmPerWorker[c] = farmWorkers > 0 ? acc[a + A_FARM_OUTPUT] / farmWorkers : 0;
    for (let j = 0; j < products; j++) {
      // Products nobody grows in the county keep last year's figure: nobody to imitate.
      const labour = mLabourSum[c * products + j];
      if (labour > 0) mProfitPerWorker[c * products + j] = mProfitSum[c * products + j] / labour;
    }
  }
}

/** buildMigrationTables' wage gap by human-capital bin for one county (scratch). */
const migrationGap = new Float64Array(MIGRATION_BINS + 2);

/**
 * Youth migration (Harris-Todaro) for every county, tie state and human-capital bin:
 * expected outside earnings (urban job chance × skill-dependent wage) against expected local
 * earnings (local job chance × local wage with the schooling premium, else farm earnings per
 * worker), net of moving cost (lower with roads and organised labour export), family ties
 * (children, elders at home) and the county's attraction. Leave and return probabilities are
 * logistic in that gap; better-schooled youth are likelier to leave.
 */
export function buildMigrationTables(w: World): void {
  const p = w.params;
  const k = w.county;
  const L = w.levers;
  const tables = w.tables;
  const mincer = p['humanCapital.mincer'];
  const urbanJob = p['macro.urbanJobProbability'];
  const baseLeave = logit(p['migration.baseRate']);
  const baseReturn = logit(p['migration.returnRate']);
  const slope = p['migration.wageSensitivity'];
  const familyTie = p['migration.familyTie'];
  const movingCost = p['migration.movingCost'];
  const referenceGap = p['migration.referenceGap'];
  const skillEffect = p['migration.skillEffect'];
  const stride = MIGRATION_BINS + 2;
  for (let c = 0; c < k.count; c++) {
    const jobRate = k.jobRate[c];
    const outsideWage = w.outsideWage * Math.min(1, urbanJob + 0.1 * L.laborExport[c]);
    const fixed = movingCost * (1 - 0.5 * k.transport[c]) * (1 - 0.5 * L.laborExport[c]) + 0.5 * Math.log(k.attraction[c]) + referenceGap;
    // The wage gap net of the county's fixed terms, by human-capital bin (the same for every tie state).
    const netGap = migrationGap;
    for (let j = 0; j < stride; j++) {
      const hc = Math.min(1, j / MIGRATION_BINS);
      const outside = outsideWage * (0.3 + 1.4 * hc);
      const local = Math.max(1000, jobRate * k.localWage[c] * Math.exp(0.5 * mincer * hc) + (1 - jobRate) * k.farmPerWorker[c]);
      netGap[j] = Math.log(outside / local) - fixed;
    }
    for (let tie = 0; tie < TIE_STATES; tie++) {
      const ties = familyTie * ((tie & 1) + (tie & 2 ? 0.5 : 0));
      const row = (c * TIE_STATES + tie) * stride;
      for (let j = 0; j < stride; j++) {
        const hc = Math.min(1, j / MIGRATION_BINS);
        const gap = netGap[j] - ties;
        tables.leave[row + j] = 1 / (1 + Math.exp(-(baseLeave + slope * gap + skillEffect * (hc - 0.45))));
        tables.ret[row + j] = 1 / (1 + Math.exp(-(baseReturn - slope * gap)));
      }
    }
  }
}
