import { INDICATORS, INDICATOR_INDEX as I } from '../indicators';
import { STATUS } from '../state/households';
import { TEACHER, DOCTOR } from '../state/professionals';
import type { World } from '../state/world';
import { PRODUCTS } from './production';

/** Years an exit must last, without falling below the line or back on the register, to count in `lastingExits`. */
export const LASTING_EXIT_YEARS = 5;

/** Status bits as local constants (imported bindings are slower in hot loops under some loaders). */
const S_ALIVE = STATUS.alive;
const S_REGISTERED = STATUS.registered;
const S_EXITED = STATUS.exited;
const S_RELOCATED = STATUS.relocated;

/** Bins of the income histogram behind the Gini (log-spaced; within-bin means kept exactly). */
export const GINI_BINS = 512;
const LOW = 100;
const LOG_LOW = Math.log(LOW);
const BIN_WIDTH = Math.log(1e6 / LOW) / (GINI_BINS - 2);

/** Gini bin of a per-capita income by its defining formula (log-spaced, 0 at or below LOW, capped). */
export function giniBinOf(y: number): number {
  if (y <= LOW) return 0;
  if (y !== y) return 1; // NaN: the bin of log(LOW)
  // Math.min, not a clamp mixing the result with a module constant: that made V8 box it per call.
  return Math.min(Math.floor((Math.log(y) - LOG_LOW) / BIN_WIDTH) + 1, GINI_BINS - 1);
}

/**
 * The same bins without a logarithm per household, for incomes stored as float32: the float32 bit
 * pattern of a positive number grows with the number, so its top bits (exponent and the first
 * 9 mantissa bits) name a cell about 0.0014 wide in ln(income), an eighth of a bin. Each cell keeps
 * the bin of its smallest float and the bit pattern where the next bin starts inside it (found by
 * bisection with giniBinOf itself), so a lookup gives exactly giniBinOf(y) wherever giniBinOf is
 * monotone (Math.log is; the unit test checks every float32 near every edge). Incomes outside
 * (LOW, 2^21) use the formula.
 */
const CELL_SHIFT = 14;
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);
const bitsOf = (x: number) => {
  f32[0] = x;
  return i32[0];
};
const floatOf = (bits: number) => {
  i32[0] = bits;
  return f32[0];
};
/** Bit pattern of the smallest float32 above LOW, and of 2^21 (top of the table; bins are capped far below). */
const TABLE_LO_BITS = bitsOf(LOW) + 1;
const TABLE_HI_BITS = bitsOf(2 ** 21);
const CELL_BASE = TABLE_LO_BITS >> CELL_SHIFT;
const CELLS = (TABLE_HI_BITS >> CELL_SHIFT) - CELL_BASE + 1;
const cellBin = new Int32Array(CELLS);
const cellEdge = new Int32Array(CELLS);
for (let cell = 0; cell < CELLS; cell++) {
  const first = Math.max(TABLE_LO_BITS, (cell + CELL_BASE) << CELL_SHIFT);
  const last = Math.min(TABLE_HI_BITS, ((cell + CELL_BASE + 1) << CELL_SHIFT) - 1);
  const b0 = giniBinOf(floatOf(first));
  cellBin[cell] = b0;
  cellEdge[cell] = 0x7fffffff;
  if (giniBinOf(floatOf(last)) === b0) continue;
  // Smallest bit pattern in the cell whose bin is above b0.
  let lo = first;
  let hi = last;
  while (lo < hi) {
    const mid = lo + ((hi - lo) >> 1);
    if (giniBinOf(floatOf(mid)) > b0) hi = mid;
    else lo = mid + 1;
  }
  if (giniBinOf(floatOf(last)) !== b0 + 1) throw new Error('Gini bin table: two bin edges in one cell');
  cellEdge[cell] = lo;
}

/** giniBinOf(y) for y = a float32 value whose bit pattern is `bits` (as Int32Array reads it). */
export function giniBinOfFloat32(y: number, bits: number): number {
  if (y > LOW && bits < TABLE_HI_BITS) {
    const cell = (bits >> CELL_SHIFT) - CELL_BASE;
    return cellBin[cell] + (bits >= cellEdge[cell] ? 1 : 0);
  }
  return giniBinOf(y);
}

/** Numerators and denominators gathered per county (+ region) in one household pass. */
const ACC = ['people', 'poor', 'registered', 'incomeSum', 'exitedHouseholds', 'exitedPoor', 'relocated', 'relocatedPoor', 'youth',
  'nearPoor', 'childHc', 'kids', 'adultHc', 'working', 'drive', 'lastingExits'] as const;
const A = Object.fromEntries(ACC.map((n, i) => [n, i])) as Record<(typeof ACC)[number], number>;
const ratio = (num: number, den: number) => (den > 0 ? num / den : 0);

/**
 * Step 12b, indicators: every indicator for every county and for the region, written into
 * `out` at `offset` (layout of RunResult). Rates over an empty population are 0.
 */
export function recordIndicators(w: World, out: Float64Array, offset: number): void {
  const h = w.households;
  const k = w.county;
  // Columns hoisted into locals: a property lookup per use is costly in the hot loop.
  const kAssessmentBurden = k.assessmentBurden;
  const kAttraction = k.attraction;
  const kCapital = k.capital;
  const kCapitalOutflow = k.capitalOutflow;
  const kCongestion = k.congestion;
  const kDoctorOutflow = k.doctorOutflow;
  const kEarmarked = k.earmarked;
  const kEcoMean = k.ecoMean;
  const kExitsThisYear = k.exitsThisYear;
  const kFiscalDependency = k.fiscalDependency;
  const kGeneralTransfer = k.generalTransfer;
  const kGrowthMomentum = k.growthMomentum;
  const kHealthQuality = k.healthQuality;
  const kHouseholdAssets = k.householdAssets;
  const kIdleEarmarked = k.idleEarmarked;
  const kIncomeOperating = k.incomeOperating;
  const kIncomeProperty = k.incomeProperty;
  const kIncomeTransfer = k.incomeTransfer;
  const kIncomeWage = k.incomeWage;
  const kInterventionCost = k.interventionCost;
  const kInvestment = k.investment;
  const kIrrigation = k.irrigation;
  const kLinkAccumulationMomentum = k.linkAccumulationMomentum;
  const kLinkAttractionOutflow = k.linkAttractionOutflow;
  const kLinkEcologyOutflow = k.linkEcologyOutflow;
  const kLinkMomentumAttraction = k.linkMomentumAttraction;
  const kLinkMomentumEcology = k.linkMomentumEcology;
  const kLinkOutflowAccumulation = k.linkOutflowAccumulation;
  const kLoopGain = k.loopGain;
  const kNewPoorHouseholds = k.newPoorHouseholds;
  const kOutput = k.output;
  const kOutputLastYear = k.outputLastYear;
  const kOwnRevenue = k.ownRevenue;
  const kPaperExitsThisYear = k.paperExitsThisYear;
  const kPupils = k.pupils;
  const kRelocatedPeople = k.relocatedPeople;
  const kSchoolQuality = k.schoolQuality;
  const kTalentOutflow = k.talentOutflow;
  const kTeacherOutflow = k.teacherOutflow;
  const kTourismCapital = k.tourismCapital;
  const kTransport = k.transport;
  const kWater = k.water;
  const kYouthOutflow = k.youthOutflow;
  const nC = k.count;
  const units = nC + 1;
  const nA = ACC.length;
  const acc = new Float64Array(units * nA); // once a year, not per household
  const hist = w.scratch.histogram;
  hist.fill(0);
  const line = w.params['policy.povertyLine'];
  const band = w.params['policy.monitorBand'] * line;
  const scale = w.scale;
  const { status, income, county, kids, youth, adults, elders, exitYear, fellBack, childHumanCapital, humanCapital, drive } = h;
  // Exits of this year index minus LASTING_EXIT_YEARS that have lasted (see lastingExits).
  const lastingCohort = w.t - LASTING_EXIT_YEARS;
  // Bit patterns of the float32 incomes (a view, not a copy) for the Gini bins.
  const incomeBits = new Int32Array(income.buffer, income.byteOffset, income.length);
  const giniBins = GINI_BINS;
  const n = h.count;
  // Offsets as locals: no property load per use in the loop.
  const {
    people: A_PEOPLE, poor: A_POOR, registered: A_REGISTERED, incomeSum: A_INCOME_SUM, exitedHouseholds: A_EXITED_HOUSEHOLDS,
    exitedPoor: A_EXITED_POOR, relocated: A_RELOCATED, relocatedPoor: A_RELOCATED_POOR, youth: A_YOUTH, nearPoor: A_NEAR_POOR,
    childHc: A_CHILD_HC, kids: A_KIDS, adultHc: A_ADULT_HC, working: A_WORKING, drive: A_DRIVE, lastingExits: A_LASTING_EXITS,
  } = A;
  // In runs of one county, as in householdYear: the sums gathered in locals and added when the run
  // ends (the same sums: each county's accumulators start from zero).
  let i = 0;
  while (i < n) {
    const c = county[i];
    const b = c * nA;
    const histRow = c * giniBins;
    let sPeople = 0;
    let sPoor = 0;
    let sNearPoor = 0;
    let sRegistered = 0;
    let sIncome = 0;
    let sRelocated = 0;
    let sRelocatedPoor = 0;
    let sExited = 0;
    let sExitedPoor = 0;
    let sLasting = 0;
    let sYouth = 0;
    let sChildHc = 0;
    let sKids = 0;
    let sAdultHc = 0;
    let sWorking = 0;
    let sDrive = 0;
    for (; i < n; i++) {
      const st = status[i];
      if ((st & S_ALIVE) === 0) continue;
      if (county[i] !== c) break;
      const nk = kids[i];
      const ny = youth[i];
      const na = adults[i];
      const people = nk + ny + na + elders[i];
      if (people === 0) continue;
      const y = income[i];
      const poor = y < line;
      sPeople += people;
      if (poor) sPoor += people;
      else if (y < band) sNearPoor += people;
      if ((st & S_REGISTERED) !== 0) sRegistered += people;
      sIncome += y * people;
      if ((st & S_RELOCATED) !== 0) {
        sRelocated += people;
        if (poor) sRelocatedPoor += people;
      }
      if (exitYear[i] >= 0) {
        sExited++;
        // A household below the line, or back on the register, has not stayed out since its exit.
        if (poor || (st & S_EXITED) === 0) fellBack[i] = 1;
        if (poor) sExitedPoor++;
        else if (exitYear[i] === lastingCohort && fellBack[i] === 0) sLasting++;
      }
      sYouth += ny;
      sChildHc += childHumanCapital[i] * nk;
      sKids += nk;
      const working = ny + na;
      sAdultHc += humanCapital[i] * working;
      sWorking += working;
      sDrive += drive[i] * people;
      const bin = giniBinOfFloat32(y, incomeBits[i]);
      const hb = (histRow + bin) * 2;
      hist[hb] += people;
      hist[hb + 1] += (y > 0 ? y : 0) * people;
    }
    acc[b + A_PEOPLE] += sPeople;
    acc[b + A_POOR] += sPoor;
    acc[b + A_NEAR_POOR] += sNearPoor;
    acc[b + A_REGISTERED] += sRegistered;
    acc[b + A_INCOME_SUM] += sIncome;
    acc[b + A_RELOCATED] += sRelocated;
    acc[b + A_RELOCATED_POOR] += sRelocatedPoor;
    acc[b + A_EXITED_HOUSEHOLDS] += sExited;
    acc[b + A_EXITED_POOR] += sExitedPoor;
    acc[b + A_LASTING_EXITS] += sLasting;
    acc[b + A_YOUTH] += sYouth;
    acc[b + A_CHILD_HC] += sChildHc;
    acc[b + A_KIDS] += sKids;
    acc[b + A_ADULT_HC] += sAdultHc;
    acc[b + A_WORKING] += sWorking;
    acc[b + A_DRIVE] += sDrive;
  }
  // Region accumulators and histogram: sums over counties.
  for (let c = 0; c < nC; c++) {
    for (let a = 0; a < nA; a++) acc[nC * nA + a] += acc[c * nA + a];
    for (let j = 0; j < GINI_BINS * 2; j++) hist[nC * GINI_BINS * 2 + j] += hist[c * GINI_BINS * 2 + j];
  }

  const nI = INDICATORS.length;
  const region = offset + nC * nI;
  for (let u = 0; u < units; u++) {
    const o = offset + u * nI;
    const b = u * nA;
    out[o + I.population] = acc[b + A.people] * scale;
    out[o + I.povertyRate] = ratio(acc[b + A.poor], acc[b + A.people]);
    out[o + I.registeredPoorRate] = ratio(acc[b + A.registered], acc[b + A.people]);
    out[o + I.meanIncome] = ratio(acc[b + A.incomeSum], acc[b + A.people]);
    out[o + I.returnToPovertyRate] = ratio(acc[b + A.exitedPoor], acc[b + A.exitedHouseholds]);
    out[o + I.youthShare] = ratio(acc[b + A.youth], acc[b + A.people]);
    out[o + I.nearPoorRate] = ratio(acc[b + A.nearPoor], acc[b + A.people]);
    out[o + I.relocatedPovertyRate] = ratio(acc[b + A.relocatedPoor], acc[b + A.relocated]);
    out[o + I.childHumanCapital] = ratio(acc[b + A.childHc], acc[b + A.kids]);
    out[o + I.adultHumanCapital] = ratio(acc[b + A.adultHc], acc[b + A.working]);
    out[o + I.meanDrive] = ratio(acc[b + A.drive], acc[b + A.people]);
    out[o + I.gini] = giniOf(hist, u);
  }
  // County-level quantities; region by sum, pooled ratio or population weight.
  const sums = new Float64Array(18);
  let popTotal = 0;
  const weighted = new Float64Array(nI);
  for (let c = 0; c < nC; c++) {
    const o = offset + c * nI;
    const pop = out[o + I.population];
    popTotal += pop;
    // Counted in the household pass, where new poverty is seen (before this year's registration).
    const neverRegistered = k.neverRegistered[c];
    out[o + I.newPoorRate] = ratio(kNewPoorHouseholds[c], neverRegistered);
    const teachers = w.talent.inPost[c * 4 + TEACHER];
    const doctors = w.talent.inPost[c * 4 + DOCTOR];
    out[o + I.teachersPer1000Pupils] = ratio(teachers * 1000, kPupils[c]);
    out[o + I.doctorsPer1000] = ratio(doctors * 1000, pop);
    out[o + I.talentOutflow] = kTalentOutflow[c];
    out[o + I.teacherOutflow] = kTeacherOutflow[c];
    out[o + I.doctorOutflow] = kDoctorOutflow[c];
    const householdAssets = kHouseholdAssets[c];
    out[o + I.capitalStock] = kCapital[c] + kTourismCapital[c] + householdAssets;
    out[o + I.localInvestmentRate] = ratio(kInvestment[c], kOutput[c]);
    out[o + I.infrastructureIndex] = (kTransport[c] + kIrrigation[c] + kWater[c]) / 3;
    out[o + I.ecoCapacity] = kEcoMean[c];
    out[o + I.growthMomentum] = kGrowthMomentum[c];
    out[o + I.fiscalDependency] = kFiscalDependency[c];
    out[o + I.idleEarmarkedShare] = ratio(kIdleEarmarked[c], kEarmarked[c]);
    out[o + I.assessmentBurden] = kAssessmentBurden[c];
    out[o + I.loopGain] = kLoopGain[c];
    out[o + I.relocatedPeople] = kRelocatedPeople[c];
    out[o + I.interventionCost] = kInterventionCost[c];
    const incomeTotal = kIncomeOperating[c] + kIncomeWage[c] + kIncomeProperty[c] + kIncomeTransfer[c];
    out[o + I.operatingIncomeShare] = ratio(kIncomeOperating[c], incomeTotal);
    out[o + I.wageIncomeShare] = ratio(kIncomeWage[c], incomeTotal);
    out[o + I.propertyIncomeShare] = ratio(kIncomeProperty[c], incomeTotal);
    out[o + I.transferIncomeShare] = ratio(kIncomeTransfer[c], incomeTotal);
    out[o + I.youthOutflow] = kYouthOutflow[c];
    out[o + I.capitalOutflow] = kCapitalOutflow[c];
    out[o + I.schoolQuality] = kSchoolQuality[c];
    out[o + I.healthQuality] = kHealthQuality[c];
    out[o + I.attraction] = kAttraction[c];
    out[o + I.congestion] = kCongestion[c];
    out[o + I.output] = kOutput[c];
    out[o + I.linkOutflowAccumulation] = kLinkOutflowAccumulation[c];
    out[o + I.linkAccumulationMomentum] = kLinkAccumulationMomentum[c];
    out[o + I.linkMomentumAttraction] = kLinkMomentumAttraction[c];
    out[o + I.linkAttractionOutflow] = kLinkAttractionOutflow[c];
    out[o + I.linkEcologyOutflow] = kLinkEcologyOutflow[c];
    out[o + I.linkMomentumEcology] = kLinkMomentumEcology[c];
    out[o + I.registeredExits] = kExitsThisYear[c];
    out[o + I.paperExits] = kPaperExitsThisYear[c];
    out[o + I.lastingExits] = acc[c * nA + A.lastingExits] * scale;
    out[o + I.price] = priceIndex(w, c);
    // Product prices are regional: the same in every county.
    out[o + I.priceGrain] = w.markets.price[0];
    out[o + I.priceLivestock] = w.markets.price[1];
    out[o + I.priceFruit] = w.markets.price[2];
    out[o + I.priceVegetables] = w.markets.price[3];
    out[o + I.priceHerbs] = w.markets.price[4];
    const professionals = w.talent.inPost[c * 4] + w.talent.inPost[c * 4 + 1] + w.talent.inPost[c * 4 + 2] + w.talent.inPost[c * 4 + 3];
    const netFlow = k.youthReturn[c] + k.hires[c] - k.youthOutflow[c] - k.talentOutflow[c];
    out[o + I.netFactorFlow] = ratio(netFlow, k.youthResidents[c] + professionals);
    sums[16] += netFlow;
    sums[17] += k.youthResidents[c] + professionals;
    // Pooled pieces for the region's ratios.
    sums[0] += kNewPoorHouseholds[c];
    sums[1] += neverRegistered;
    sums[2] += teachers;
    sums[3] += kPupils[c];
    sums[4] += doctors;
    sums[5] += kInvestment[c];
    sums[6] += kOutput[c];
    sums[7] += kIdleEarmarked[c];
    sums[8] += kEarmarked[c];
    sums[9] += kGeneralTransfer[c] + kEarmarked[c];
    sums[10] += kGeneralTransfer[c] + kEarmarked[c] + kOwnRevenue[c];
    sums[11] += kIncomeOperating[c];
    sums[12] += kIncomeWage[c];
    sums[13] += kIncomeProperty[c];
    sums[14] += kIncomeTransfer[c];
    sums[15] += kOutputLastYear[c];
    for (let j = 0; j < nI; j++) {
      const agg = INDICATORS[j].aggregation;
      if (agg === 'sum') {
        if (j !== I.population) out[region + j] += out[o + j]; // population: pooled above
      }
      else if (agg === 'weighted') weighted[j] += out[o + j] * pop;
    }
  }
  for (let j = 0; j < nI; j++) if (INDICATORS[j].aggregation === 'weighted') out[region + j] = ratio(weighted[j], popTotal);
  out[region + I.newPoorRate] = ratio(sums[0], sums[1]);
  out[region + I.teachersPer1000Pupils] = ratio(sums[2] * 1000, sums[3]);
  out[region + I.doctorsPer1000] = ratio(sums[4] * 1000, popTotal);
  out[region + I.localInvestmentRate] = ratio(sums[5], sums[6]);
  out[region + I.idleEarmarkedShare] = ratio(sums[7], sums[8]);
  out[region + I.fiscalDependency] = ratio(sums[9], sums[10]);
  const incomeTotal = sums[11] + sums[12] + sums[13] + sums[14];
  out[region + I.operatingIncomeShare] = ratio(sums[11], incomeTotal);
  out[region + I.wageIncomeShare] = ratio(sums[12], incomeTotal);
  out[region + I.propertyIncomeShare] = ratio(sums[13], incomeTotal);
  out[region + I.transferIncomeShare] = ratio(sums[14], incomeTotal);
  out[region + I.growthMomentum] = sums[15] > 0 ? sums[6] / sums[15] - 1 : 0;
  out[region + I.netFactorFlow] = ratio(sums[16], sums[17]);
}

/** Gini over people from the histogram of one unit (within-bin inequality ignored: < 0.002 here). */
function giniOf(hist: Float64Array, unit: number): number {
  const base = unit * GINI_BINS * 2;
  let people = 0;
  let total = 0;
  for (let j = 0; j < GINI_BINS; j++) {
    people += hist[base + j * 2];
    total += hist[base + j * 2 + 1];
  }
  if (people <= 0 || total <= 0) return 0;
  let cumPeople = 0;
  let cumIncome = 0;
  let area = 0;
  for (let j = 0; j < GINI_BINS; j++) {
    const dp = hist[base + j * 2] / people;
    if (dp === 0) continue;
    const di = hist[base + j * 2 + 1] / total;
    area += dp * (2 * cumIncome + di);
    cumPeople += dp;
    cumIncome += di;
  }
  return Math.max(0, 1 - area);
}

/** Output-weighted price of the county's products relative to base. */
function priceIndex(w: World, c: number): number {
  const m = w.markets;
  let value = 0;
  let volume = 0;
  for (let j = 0; j < PRODUCTS; j++) {
    const q = m.countySupply[c * PRODUCTS + j];
    value += q * m.price[j];
    volume += q;
  }
  return volume > 0 ? value / volume : 1;
}
