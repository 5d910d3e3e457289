/**
 * The peer of issue 6: the household core of Poverty Loop written as a model in AgentScript
 * (npm `agentscript`, the JavaScript agent-based framework in NetLogo's style), one Turtle
 * object per household, one Patch per county, `ask` over agentsets.
 *
 * The core is what the engine's `produce()` and `householdYear()` compute for a household
 * (src/model/systems/production.ts and households.ts), transcribed rule for rule so that both
 * do the same work: illness and schooling costs, the labour split between the own farm and a
 * local wage job found at the county's job rate, farm output with the threshold asset return
 * (Carter-Barrett), income by source with remittances, benefits and the social floor,
 * consumption, saving and investment, children's learning, the generations, youth migration
 * and return as a logistic in the wage gap (Harris-Todaro), imitation of the most profitable
 * product, drive, and the per-county and per-village sums. Both use the same lookup tables
 * for exp / pow / logistic (and the engine's tabulated assetPow) and the same seeded draws in the same order, so their results agree
 * up to the engine's Float32 storage (checked by bench/peer/run.ts: when the engine's rules
 * change, this file must follow, and the check says when it has not).
 *
 * A household that leaves or empties keeps its Turtle with `gone` set, as the engine keeps its
 * slot with the alive bit cleared. Idiomatic `turtle.die()` would be much slower here:
 * AgentScript removes the turtle with a splice of its Array subclass (O(n) per death), which took
 * about three quarters of the peer's time at 100 k households; the flag keeps the comparison
 * about the same work.
 *
 * AgentScript's browser bundle needs a canvas at import time for its colour helpers; Node has
 * none, so `loadAgentScript` installs an inert OffscreenCanvas stand-in first (nothing here
 * draws). Its src/ entry cannot load in Node at all (it imports '/vendor/turfImports.js').
 */
import type * as AS from 'agentscript/dist/agentscript2d.js';
import { createRequire } from 'node:module';
import type { World } from '../../src/model/state/world';
import { assetPow } from '../../src/model/systems/tables';

export interface AgentScriptModule {
  Model: typeof AS.Model;
  version: string;
}

/** Imports AgentScript's 2D bundle in Node (see the note above). */
export async function loadAgentScript(): Promise<AgentScriptModule> {
  const g = globalThis as { OffscreenCanvas?: unknown };
  if (g.OffscreenCanvas === undefined) {
    g.OffscreenCanvas = class {
      constructor(public width: number, public height: number) {}
      getContext() {
        return { clearRect() {}, fillRect() {}, drawImage() {}, getImageData: () => ({ data: new Uint8ClampedArray(4) }) };
      }
    };
  }
  const mod = await import('agentscript/dist/agentscript2d.js');
  let version = 'unknown version';
  try {
    version = (createRequire(import.meta.url)('agentscript/package.json') as { version: string }).version;
  } catch {
    // A bundled copy of the bench (profiling) may not find the package's metadata.
  }
  return { Model: mod.Model, version };
}

const PRODUCTS = 5;
const GRAIN = 0;
const LIVESTOCK = 1;
const PRODUCT_YIELD = [1.0, 1.2, 1.35, 1.45, 1.55];
const SUITABILITY = [0.8, 1.1, 0.7, 0.6, 1.1, 1.0, 1.0, 1.1, 0.9, 1.0, 1.2, 0.9, 1.0, 1.15, 0.8];
const INPUT_COST = [0.2, 1 - 0.8 / 1.2, 1 - 0.8 / 1.35, 1 - 0.8 / 1.45, 1 - 0.8 / 1.55];
const GOLDEN = 0.6180339887498949;
const TIE_STATES = 4;
const COST_SUBSIDY = 0;
const COST_INSURANCE = 1;
const COST_BENEFIT = 2;
const COST_ECO = 3;
const COST_FLOOR = 4;
const COST_CREDIT = 5;
const COST_NUTRITION = 6;
const COST_LABOUR = 7;
const COST_PARTICIPATION = 8;
const COSTS = 9;
const logit = (p: number) => Math.log(p / (1 - p));

/** A household: one Turtle with its own properties. */
export interface Household extends AS.Turtle {
  village: Village;
  /** County of origin (its relocation programme supports the household). */
  home: County;
  kids: number;
  youth: number;
  adults: number;
  elders: number;
  migrants: number;
  humanCapital: number;
  childHumanCapital: number;
  health: number;
  land: number;
  landFactor: number;
  assets: number;
  savings: number;
  debt: number;
  ability: number;
  industry: number;
  drive: number;
  registered: boolean;
  exited: boolean;
  everRegistered: boolean;
  relocated: boolean;
  monitored: boolean;
  poor: boolean;
  exitYear: number;
  integration: number;
  income: number;
  output: number;
  shockCost: number;
  wageLabour: number;
  gone: boolean;
}

/** A county: one Patch, with its attributes, this year's policy settings and its sums. */
export interface County extends AS.Patch {
  rng: () => number;
  healthQuality: number; jobRate: number; thresholdFactor: number; transport: number; irrigation: number; water: number;
  localWage: number; schoolQuality: number; growthMomentum: number; attraction: number; farmPerWorker: number;
  medicalReimbursement: number; relocationEmployment: number; years12: number; insuranceCoverage: number;
  registration: number; benefitPerPerson: number; workShare: number; phaseOutSet: number; phaseOutGradual: number;
  phaseOutYears: number; ecoCompensation: number; socialFloor: number; socialFloorNearPoor: number; microcredit: number;
  nutrition: number; bigData: number; laborExport: number; participation: number; grantPerPerson: number;
  povertySpending: number; supportedPeople: number;
  industrySubsidy: number[]; countySupply: number[]; profitSum: number[]; labourSum: number[]; profitPerWorker: number[];
  leave: number[][]; ret: number[][];
  // Sums of the year.
  grainScale: number; otherScale: number; seekers: number; assetOutput: number; publicCost: number;
  farmOutput: number; savingsFlow: number; localInvestment: number; youthOutflow: number; youthReturn: number;
  stayDerivative: number; inflowDerivative: number; inflowCount: number; stayCount: number; leaveCount: number;
  newPoor: number; familiesLeft: number; ecoSum: number; residents: number; pupils: number; assetSum: number;
  adultHcSum: number; workingAge: number; operating: number; wage: number; property: number; transfer: number;
  youthResidents: number; farmWorkers: number; neverRegistered: number; ecoWeight: number; supported: number;
  medicalCost: number; schoolingCost: number;
  /** Yearly cost by lever: subsidy, insurance, benefits, eco-compensation, floor, credit, nutrition, labour export, participation. */
  costs: number[];
}

export interface Village {
  eco: number;
  disaster: boolean;
  terrain: number;
  residents: number;
  load: number;
  site: boolean;
}

/** Summary of a run's households, to compare the peer with the engine. */
export interface CoreSummary {
  alive: number;
  people: number;
  migrants: number;
  meanIncome: number;
  assets: number;
  savings: number;
}

/** Linear interpolation in a table sampled at x = j / inverseStep (the engine's `lookup`). */
function lookup(table: Float64Array, x: number, inverseStep: number): number {
  let s = x * inverseStep;
  if (s < 0) s = 0;
  const last = table.length - 2;
  if (s > last) s = last;
  const j = s | 0;
  return table[j] + (s - j) * (table[j + 1] - table[j]);
}

/**
 * Defines the AgentScript model class (AgentScript is loaded at run time, so the class is made
 * from the loaded Model).
 */
export function defineHouseholdCoreModel(Model: typeof AS.Model) {
  return class HouseholdCoreModel extends Model {
    villages: Village[] = [];
    price: number[] = [];
    supply: number[] = new Array(PRODUCTS).fill(0);
    outsideWage = 0;
    t = 0;
    params: Record<string, number> = {};
    hcGain = new Float64Array(0);
    hcWage = new Float64Array(0);
    logistic = new Float64Array(0);
    labourPow = new Float64Array(0);
    migrationBins = 128;

    get counties(): AS.AgentSet<County> {
      return this.patches as unknown as AS.AgentSet<County>;
    }

    get households(): AS.AgentSet<Household> {
      return this.turtles as unknown as AS.AgentSet<Household>;
    }

    /** Copies an engine world's households, counties, villages, levers and tables into agents. */
    setupFrom(w: World, rngs: (() => number)[], migrationBins: number): void {
      const p = w.params as unknown as Record<string, number>;
      this.params = { ...p };
      this.t = w.t;
      this.outsideWage = w.outsideWage;
      this.price = Array.from(w.markets.price);
      this.hcGain = w.tables.hcGain.slice();
      this.hcWage = w.tables.hcWage.slice();
      this.logistic = w.tables.logistic.slice();
      this.labourPow = w.tables.labourPow.slice();
      this.migrationBins = migrationBins;
      const v = w.villages;
      for (let j = 0; j < v.count; j++) {
        this.villages.push({ eco: v.eco[j], disaster: v.disaster[j] !== 0, terrain: v.terrain[j], residents: 0, load: 0, site: v.site[j] !== 0 });
      }
      const k = w.county;
      const L = w.levers;
      const m = w.markets;
      this.counties.ask((c) => {
        const i = c.x;
        c.rng = rngs[i];
        c.healthQuality = k.healthQuality[i]; c.jobRate = k.jobRate[i]; c.thresholdFactor = k.thresholdFactor[i];
        c.transport = k.transport[i]; c.irrigation = k.irrigation[i]; c.water = k.water[i]; c.localWage = k.localWage[i];
        c.schoolQuality = k.schoolQuality[i]; c.growthMomentum = k.growthMomentum[i]; c.attraction = k.attraction[i];
        c.farmPerWorker = k.farmPerWorker[i];
        c.medicalReimbursement = L.medicalReimbursement[i]; c.relocationEmployment = L.relocationEmployment[i];
        c.years12 = L.years12[i]; c.insuranceCoverage = L.insuranceCoverage[i]; c.registration = L.registration[i];
        c.benefitPerPerson = L.benefitPerPerson[i]; c.workShare = L.workShare[i]; c.phaseOutSet = L.phaseOutSet[i];
        c.phaseOutGradual = L.phaseOutGradual[i]; c.phaseOutYears = L.phaseOutYears[i];
        c.ecoCompensation = L.ecoCompensation[i]; c.socialFloor = L.socialFloor[i];
        c.socialFloorNearPoor = L.socialFloorNearPoor[i]; c.microcredit = L.microcredit[i]; c.nutrition = L.nutrition[i];
        c.bigData = L.bigData[i]; c.laborExport = L.laborExport[i]; c.participation = L.participation[i];
        c.povertySpending = k.povertySpending[i];
        c.supportedPeople = k.supportedPeople[i];
        c.costs = new Array(COSTS).fill(0);
        c.industrySubsidy = Array.from(L.industrySubsidy.subarray(i * PRODUCTS, (i + 1) * PRODUCTS));
        c.profitPerWorker = Array.from(m.profitPerWorker.subarray(i * PRODUCTS, (i + 1) * PRODUCTS));
        c.countySupply = new Array(PRODUCTS).fill(0);
        c.profitSum = new Array(PRODUCTS).fill(0);
        c.labourSum = new Array(PRODUCTS).fill(0);
        c.leave = Array.from({ length: TIE_STATES }, () => new Array(migrationBins + 2).fill(0));
        c.ret = Array.from({ length: TIE_STATES }, () => new Array(migrationBins + 2).fill(0));
      });
      const h = w.households;
      for (let i = 0; i < h.count; i++) {
        this.households.createOne((t) => {
          t.setxy(h.county[i], 0);
          t.village = this.villages[h.village[i]];
          t.home = this.counties[h.homeCounty[i]];
          t.kids = h.kids[i]; t.youth = h.youth[i]; t.adults = h.adults[i]; t.elders = h.elders[i]; t.migrants = h.migrants[i];
          t.humanCapital = h.humanCapital[i]; t.childHumanCapital = h.childHumanCapital[i]; t.health = h.health[i];
          t.land = h.land[i]; t.landFactor = h.landFactor[i]; t.assets = h.assets[i]; t.savings = h.savings[i];
          t.debt = h.debt[i]; t.ability = h.ability[i]; t.industry = h.industry[i]; t.drive = h.drive[i];
          const st = h.status[i];
          t.registered = (st & 2) !== 0; t.exited = (st & 4) !== 0; t.everRegistered = (st & 8) !== 0;
          t.relocated = (st & 16) !== 0; t.monitored = (st & 32) !== 0; t.poor = (st & 128) !== 0;
          t.exitYear = h.exitYear[i]; t.integration = h.integration[i];
          t.income = h.income[i]; t.output = h.output[i]; t.shockCost = h.shockCost[i]; t.wageLabour = h.wageLabour[i];
          t.gone = (h.status[i] & 1) === 0;
        });
      }
    }

    override step(): void {
      this.supply.fill(0);
      this.counties.ask((c) => this.startCountyYear(c));
      this.households.ask((t) => this.produce(t));
      this.counties.ask((c) => this.migrationTable(c));
      for (const v of this.villages) {
        v.residents = 0;
        v.load = 0;
      }
      this.households.ask((t) => this.livelihood(t));
      this.counties.ask((c) => this.endCountyYear(c));
    }

    startCountyYear(c: County): void {
      const p = this.params;
      const irrigation = 0.75 + 0.25 * c.irrigation;
      c.grainScale = p['household.farmProductivity'] * irrigation * (0.9 + 0.1 * c.transport);
      c.otherScale = p['household.farmProductivity'] * irrigation * (0.55 + 0.45 * c.transport);
      c.thresholdFactor = 1.6 - (c.transport + c.irrigation + c.water) / 3;
      // Village poverty projects: half the category's spending, shared among last year's supported people.
      c.grantPerPerson = c.supportedPeople > 0 ? (0.5 * c.povertySpending) / c.supportedPeople : 0;
      c.seekers = 0; c.assetOutput = 0; c.medicalCost = 0; c.schoolingCost = 0;
      c.farmOutput = 0; c.savingsFlow = 0; c.localInvestment = 0; c.youthOutflow = 0; c.youthReturn = 0;
      c.stayDerivative = 0; c.inflowDerivative = 0; c.inflowCount = 0; c.stayCount = 0; c.leaveCount = 0;
      c.newPoor = 0; c.familiesLeft = 0; c.ecoSum = 0; c.residents = 0; c.pupils = 0; c.assetSum = 0;
      c.adultHcSum = 0; c.workingAge = 0; c.operating = 0; c.wage = 0; c.property = 0; c.transfer = 0;
      c.youthResidents = 0; c.farmWorkers = 0; c.neverRegistered = 0; c.ecoWeight = 0; c.supported = 0;
      c.costs.fill(0);
      c.countySupply.fill(0);
      c.profitSum.fill(0);
      c.labourSum.fill(0);
    }

    /** Production: illness, schooling cost, labour split, output (the engine's produce()). */
    produce(t: Household): void {
      if (t.gone) return;
      const p = this.params;
      const ne = t.elders;
      const n = t.kids + t.youth + t.adults + ne;
      if (n === 0) {
        t.gone = true;
        return;
      }
      const c = t.patch as County;
      const u = c.rng();
      const pIll = p['household.illnessProbability'] * (1 + (0.8 * ne) / n) * (1.6 - 0.6 * c.healthQuality);
      let cost = 0;
      let hl = t.health + 0.15 * (1 - t.health);
      if (u < pIll) {
        hl -= 0.3;
        const helped = t.registered || t.monitored ? c.medicalReimbursement : 0;
        const share = 1 - p['macro.medicalInsurance'] - helped;
        cost = share > 0 ? p['household.illnessCost'] * share : 0;
        c.medicalCost += p['household.illnessCost'] * helped;
      }
      hl = hl < 0.2 ? 0.2 : hl > 1 ? 1 : hl;
      t.health = hl;
      const upper = t.kids * 0.25 * p['household.schoolCost'];
      if (c.years12 > 0) c.schoolingCost += upper;
      else cost += upper;
      t.shockCost = cost;

      const workers = t.youth + t.adults + 0.4 * ne;
      const effort = workers * (0.55 + 0.45 * hl) * (0.5 + 0.5 * t.drive);
      const seek = t.relocated ? 0.9 : 0.3 + 1.5 / (5 + t.land);
      let jobChance = c.jobRate;
      if (t.relocated) {
        // Newcomers find work less easily until integrated, unless their home county places them.
        if (t.home.relocationEmployment > 0) jobChance = Math.min(1, jobChance + 0.35);
        else jobChance *= 0.3 + 0.7 * t.integration;
      }
      const seekers = effort * seek;
      const wl = seekers * jobChance;
      t.wageLabour = wl;
      c.seekers += seekers;
      const farmLabour = effort - wl;

      const v = t.village;
      const ind = t.industry;
      const ecoFactor = 0.35 + 0.65 * v.eco;
      const countyScale = ind === GRAIN ? c.grainScale : c.otherScale;
      const landFactor = t.relocated ? Math.pow(0.02, 0.35) : t.landFactor;
      let q = countyScale * lookup(this.labourPow, farmLabour, 1024 / 16) * landFactor * ecoFactor *
        lookup(this.hcGain, t.humanCapital, 256) * PRODUCT_YIELD[ind] * SUITABILITY[v.terrain * PRODUCTS + ind];
      const r = t.assets * t.ability * (1 / (p['household.assetThreshold'] * c.thresholdFactor));
      const fromAssets = (r < 1 ? t.assets * p['household.assetReturnLow']
        : p['household.assetReturnHigh'] * t.assets * assetPow(r)) * ecoFactor;
      q += fromAssets;
      c.assetOutput += fromAssets;
      if (v.disaster) q *= 1 - p['ecology.disasterLoss'];
      t.output = q;
      c.countySupply[ind] += q;
      this.supply[ind] += q;
    }

    /** Youth leave and return probabilities by tie state and schooling (the engine's buildMigrationTables). */
    migrationTable(c: County): void {
      const p = this.params;
      const bins = this.migrationBins;
      const outsideWage = this.outsideWage * Math.min(1, p['macro.urbanJobProbability'] + 0.1 * c.laborExport);
      const fixed = p['migration.movingCost'] * (1 - 0.5 * c.transport) * (1 - 0.5 * c.laborExport) +
        0.5 * Math.log(c.attraction) + p['migration.referenceGap'];
      const baseLeave = logit(p['migration.baseRate']);
      const baseReturn = logit(p['migration.returnRate']);
      const slope = p['migration.wageSensitivity'];
      for (let tie = 0; tie < TIE_STATES; tie++) {
        const ties = p['migration.familyTie'] * ((tie & 1) + (tie & 2 ? 0.5 : 0));
        for (let j = 0; j < bins + 2; j++) {
          const hc = Math.min(1, j / bins);
          const outside = outsideWage * (0.3 + 1.4 * hc);
          const local = Math.max(1000, c.jobRate * c.localWage * Math.exp(0.5 * p['humanCapital.mincer'] * hc) + (1 - c.jobRate) * c.farmPerWorker);
          const gap = Math.log(outside / local) - fixed - ties;
          c.leave[tie][j] = 1 / (1 + Math.exp(-(baseLeave + slope * gap + p['migration.skillEffect'] * (hc - 0.45))));
          c.ret[tie][j] = 1 / (1 + Math.exp(-(baseReturn - slope * gap)));
        }
      }
    }

    /** Income, saving, learning, generations, migration, imitation, drive (the engine's householdYear()). */
    livelihood(t: Household): void {
      if (t.gone) return;
      const p = this.params;
      const c = t.patch as County;
      const v = t.village;
      const n = t.kids + t.youth + t.adults + t.elders;
      const ind = t.industry;
      const relocated = t.relocated;
      const line = p['policy.povertyLine'];
      const costs = c.costs;

      // Income by source.
      const q = t.output;
      const supplyHere = c.countySupply[ind];
      const unitPrice = this.price[ind];
      const subsidy = supplyHere > 0 && c.industrySubsidy[ind] > 0 ? Math.min(1, c.industrySubsidy[ind] / (supplyHere * unitPrice)) : 0;
      const margin = unitPrice * (1 + subsidy) - INPUT_COST[ind];
      let operating = margin > 0 ? q * margin : 0; // below its input cost a crop is not harvested
      if (subsidy > 0) costs[COST_SUBSIDY] += q * unitPrice * subsidy;
      if (c.insuranceCoverage > 0) {
        const insuredValue = (v.disaster ? q / (1 - p['ecology.disasterLoss']) : q) * 0.9;
        const loss = insuredValue - q * unitPrice;
        if (loss > 0) {
          operating += c.insuranceCoverage * loss;
          costs[COST_INSURANCE] += c.insuranceCoverage * loss * 1.2;
        }
      }
      const wl = t.wageLabour;
      const hc0 = t.humanCapital;
      const wage0 = p['macro.outsideWage'];
      const remit = wage0 * Math.pow(this.outsideWage / wage0, p['macro.remittanceElasticity']) * p['macro.urbanJobProbability'] * p['macro.remittanceShare'];
      let wage = wl * c.localWage * lookup(this.hcWage, hc0, 256) + t.migrants * remit * (0.3 + 1.4 * hc0);
      const property = t.savings * 0.02 + (relocated ? t.land * 150 : 0);
      let transfer = t.elders * p['macro.pension'];
      let handout = 0;
      let support = 0;
      if (t.registered) support = 1;
      else if (t.exited) {
        const since = this.t - t.exitYear;
        if (since <= p['policy.supportYearsAfterExit']) support = 1;
        else if (c.phaseOutSet > 0 && c.phaseOutGradual > 0 && c.phaseOutYears > 0) {
          support = Math.max(0, 1 - (since - p['policy.supportYearsAfterExit']) / c.phaseOutYears);
        }
      }
      // Big-data monitoring: a monitored household falling below the line is supported at once.
      if (support === 0 && c.bigData > 0 && t.monitored && operating + wage + property + transfer - t.shockCost < line * n) support = 1;
      if (support > 0 && c.registration > 0) {
        const benefit = c.benefitPerPerson * n * support;
        const work = benefit * c.workShare;
        wage += work;
        transfer += benefit - work;
        handout += benefit - work;
        costs[COST_BENEFIT] += benefit;
      }
      if (c.ecoCompensation > 0 && !relocated) {
        transfer += c.ecoCompensation;
        costs[COST_ECO] += c.ecoCompensation;
      }
      const earned = operating + wage + property + transfer - t.shockCost;
      let total = earned;
      if (c.socialFloor > 0 && (support > 0 || (c.socialFloorNearPoor > 0 && t.monitored)) && total < c.socialFloor * n) {
        const topUp = c.socialFloor * n - total;
        total += topUp;
        handout += topUp;
        costs[COST_FLOOR] += topUp;
      }
      const pc = total / n;
      c.operating += operating;
      c.wage += wage;
      c.property += property;
      c.transfer += transfer + (total - earned);
      t.income = pc;

      // Consumption, saving, investment.
      const need = p['household.subsistence'] * n;
      let sv = t.savings;
      let as = t.assets;
      let db = t.debt;
      if (total >= need) {
        let saving = (total - need) * p['household.savingRate'];
        if (db > 0) {
          const pay = Math.min(saving, db * 0.36);
          db = db * 1.06 - pay;
          saving -= pay;
          if (db < 1) db = 0;
        }
        let ownShare = 0.1;
        if (!relocated) {
          const r = as * t.ability * (1 / (p['household.assetThreshold'] * c.thresholdFactor));
          const marginal = r < 1 ? p['household.assetReturnLow'] : 0.6 * p['household.assetReturnHigh'] * assetPow(r);
          const own = marginal * unitPrice * (0.35 + 0.65 * v.eco);
          ownShare = lookup(this.logistic, (own - p['macro.outsideReturn']) * 20 + 12, 2048 / 24);
        }
        as += saving * ownShare;
        c.localInvestment += saving * ownShare;
        sv += saving * (1 - ownShare);
        c.savingsFlow += saving * (1 - ownShare);
      } else {
        let gap = need - total;
        const fromSavings = sv < gap ? sv : gap;
        sv -= fromSavings;
        gap -= fromSavings;
        const fromAssets = as * 0.7 < gap ? as * 0.7 : gap;
        as = as - fromAssets / 0.7 > 0 ? as - fromAssets / 0.7 : 0;
        gap -= fromAssets;
        db = db * 1.06 + gap * 0.5;
      }
      if (support > 0) {
        as += c.grantPerPerson * n; // village poverty projects reach supported households as assets
        c.supported += n;
      }
      if (c.microcredit > 0) {
        if (t.registered && db === 0) {
          db = c.microcredit;
          as += c.microcredit * 0.8;
        }
        if (db > 0 && t.everRegistered) costs[COST_CREDIT] += Math.min(db, c.microcredit) * 0.1;
      }
      as *= 1 - p['household.assetDepreciation'];
      t.assets = as;
      c.assetSum += as;
      t.savings = sv;
      t.debt = db;

      // Human capital and generations.
      const poor = pc < line;
      let nk = t.kids;
      if (nk > 0) {
        let learn = p['humanCapital.learningRate'] * c.schoolQuality * (0.5 + 0.5 * c.transport) * (0.6 + 0.4 * t.health);
        if (c.nutrition > 0) {
          learn *= 1 + p['humanCapital.nutritionEffect'];
          costs[COST_NUTRITION] += nk * 0.33 * 300;
        } else if (poor) learn *= 1 - p['humanCapital.nutritionEffect'] * 0.5;
        if (c.years12 === 0 && poor && sv < t.shockCost) learn *= 1 - p['humanCapital.dropoutCost'] * 0.25;
        t.childHumanCapital += learn * (1 - t.childHumanCapital);
      }
      const u = c.rng();
      let ny = t.youth;
      let na = t.adults;
      let ne = t.elders;
      const toYouth = stochasticRound(nk / 18, u);
      let uj = frac(u + GOLDEN);
      const toAdult = stochasticRound(ny / 18, uj);
      uj = frac(uj + GOLDEN);
      const toElder = stochasticRound(na / 25, uj);
      uj = frac(uj + GOLDEN);
      const deaths = stochasticRound(ne * 0.055, uj);
      uj = frac(uj + GOLDEN);
      const births = stochasticRound(ny * 0.05 + na * 0.012, uj);
      const working = ny + na;
      if (toYouth > 0) t.humanCapital = (hc0 * working + t.childHumanCapital * toYouth) / (working + toYouth);
      const survivors = nk - toYouth;
      nk = Math.min(9, survivors + births);
      if (nk === 0) t.childHumanCapital = 0;
      else if (births > 0) t.childHumanCapital *= survivors / nk;
      t.kids = nk;
      ny = ny + toYouth - toAdult;
      na = na + toAdult - toElder;
      ne = ne + toElder - deaths;
      t.adults = na;
      t.elders = ne;

      // Youth migration and return.
      const u2 = c.rng();
      const hc = t.humanCapital;
      const tie = (nk > 0 ? 1 : 0) + (ne > 0 ? 2 : 0);
      const bins = this.migrationBins;
      const s = Math.min(hc * bins, bins);
      const j = s | 0;
      const fr = s - j;
      const leaveRow = c.leave[tie];
      const retRow = c.ret[tie];
      const pLeave = leaveRow[j] + fr * (leaveRow[j + 1] - leaveRow[j]);
      const pReturn = retRow[j] + fr * (retRow[j + 1] - retRow[j]);
      const leave = stochasticRound(ny * pLeave, u2);
      const nm0 = t.migrants;
      uj = frac(u2 + GOLDEN);
      const back = stochasticRound(nm0 * pReturn, uj);
      uj = frac(uj + GOLDEN);
      const settle = stochasticRound(nm0 * 0.03, uj);
      if (leave > 0) {
        const stay = ny + na - leave;
        if (stay > 0) {
          const left = Math.min(1, hc + p['migration.selectivity']);
          const kept = (hc * (ny + na) - left * leave) / stay;
          t.humanCapital = kept < 0.02 ? 0.02 : kept;
        }
      }
      ny = Math.min(9, ny - leave + back);
      t.youth = ny;
      const nm = Math.max(0, Math.min(9, nm0 + leave - back - settle));
      t.migrants = nm;
      c.youthOutflow += leave;
      if (c.laborExport > 0) costs[COST_LABOUR] += leave * 500;
      uj = frac(uj + GOLDEN);
      const imitationDraw = uj;
      uj = frac(uj + GOLDEN);
      if (nm > 0 && !relocated && uj < p['migration.familyMove'] * pLeave) {
        t.gone = true; // the whole family follows its migrants out
        c.familiesLeft += 1;
        return;
      }
      c.youthReturn += back;
      const halfSlope = 0.5 * p['migration.wageSensitivity'];
      c.stayDerivative += ny * halfSlope * pLeave * (1 - pLeave);
      c.leaveCount += ny * pLeave;
      c.inflowDerivative += nm * halfSlope * pReturn * (1 - pReturn);
      c.inflowCount += nm * pReturn;
      c.stayCount += ny;

      // Industry: imitate last year's most profitable product.
      const farmLabour = Math.max(0.05, (ny + na + 0.4 * ne) * 0.8 - wl);
      c.profitSum[ind] += operating;
      c.labourSum[ind] += farmLabour;
      c.farmWorkers += farmLabour;
      if (!relocated) {
        let best = ind;
        let bestValue = c.profitPerWorker[ind] * 1.15;
        for (let k = 0; k < PRODUCTS; k++) {
          const value = c.profitPerWorker[k] * SUITABILITY[v.terrain * PRODUCTS + k];
          if (value > bestValue) {
            best = k;
            bestValue = value;
          }
        }
        if (best !== ind && imitationDraw < p['household.imitationRate']) t.industry = best;
      }
      c.farmOutput += operating;

      // Drive.
      const handoutShare = total > 0 ? handout / total : 0;
      const participation = c.participation + (support > 0 ? c.workShare * 0.5 : 0);
      if (c.participation > 0 && support > 0) costs[COST_PARTICIPATION] += 100;
      const d0 = t.drive;
      const d = d0 + p['household.driveResponse'] * (participation - p['household.handoutDrag'] * handoutShare + 2 * c.growthMomentum + 0.2 * (0.55 - d0));
      t.drive = Math.max(0.05, Math.min(1, d));

      if (relocated && t.integration < 1) {
        const gain = p['relocation.integrationRate'] * (t.home.relocationEmployment > 0 ? 1.5 : 1) * (wl > 0.5 ? 1.2 : 0.8);
        t.integration = Math.min(1, t.integration + gain);
      }

      // Poverty flags, village load, county sums.
      if (!t.everRegistered) c.neverRegistered += 1;
      if (poor) {
        if (!t.poor && !t.everRegistered) c.newPoor += 1;
        t.poor = true;
      } else t.poor = false;
      if (c.bigData > 0 && pc < p['policy.monitorBand'] * line && !t.registered) t.monitored = true;
      else if (pc >= p['policy.monitorBand'] * line) t.monitored = false;
      const residents = nk + ny + na + ne;
      v.residents += residents;
      v.load += residents * (ind === LIVESTOCK ? 1.8 : ind === GRAIN ? 1 : 0.8);
      if (!v.site) {
        c.ecoSum += v.eco * residents; // ecology people live from: farming villages only
        c.ecoWeight += residents;
      }
      c.residents += residents;
      c.youthResidents += ny;
      c.adultHcSum += t.humanCapital * (ny + na);
      c.workingAge += ny + na;
      c.pupils += nk;
    }

    endCountyYear(c: County): void {
      c.supportedPeople = c.supported;
      c.farmPerWorker = c.farmWorkers > 0 ? c.farmOutput / c.farmWorkers : 0;
      for (let k = 0; k < PRODUCTS; k++) if (c.labourSum[k] > 0) c.profitPerWorker[k] = c.profitSum[k] / c.labourSum[k];
    }

    summary(): CoreSummary {
      const s: CoreSummary = { alive: 0, people: 0, migrants: 0, meanIncome: 0, assets: 0, savings: 0 };
      this.households.ask((t) => {
        if (t.gone) return;
        s.alive++;
        s.people += t.kids + t.youth + t.adults + t.elders;
        s.migrants += t.migrants;
        s.meanIncome += t.income;
        s.assets += t.assets;
        s.savings += t.savings;
      });
      s.meanIncome /= s.alive;
      return s;
    }
  };
}

function stochasticRound(x: number, u: number): number {
  const f = Math.floor(x);
  return u < x - f ? f + 1 : f;
}

function frac(x: number): number {
  return x - Math.floor(x);
}
