/**
 * Household agents as a struct of typed arrays: one array per field, one slot per agent.
 * One agent stands for `scale` real households. No object per household exists anywhere.
 */
import { packFields } from './layout';

export interface Households {
  /** Number of slots in use (agents never move between slots). */
  count: number;
  /** County the household lives in now (relocation can change it). */
  county: Uint8Array;
  /** County of origin (its random stream and home village). */
  homeCounty: Uint8Array;
  /** Global village index now, and the home village it came from. */
  village: Uint16Array;
  homeVillage: Uint16Array;
  /** Resident members by age band: 0-17, 18-35, 36-59, 60+. */
  kids: Uint8Array;
  youth: Uint8Array;
  adults: Uint8Array;
  elders: Uint8Array;
  /** Members working outside the county (not resident; they remit). */
  migrants: Uint8Array;
  /** Adult human capital, 0..1 (about years of schooling / 12). */
  humanCapital: Float32Array;
  /** Children's human capital accumulated so far, 0..1. */
  childHumanCapital: Float32Array;
  /** Health of the household's workers, 0..1. */
  health: Float32Array;
  /** Farmland, mu, and its factor in farm output, landFactorOf(land) (kept: land rarely changes). */
  land: Float32Array;
  landFactor: Float32Array;
  /** Productive assets and livestock, yuan. */
  assets: Float32Array;
  savings: Float32Array;
  debt: Float32Array;
  /** Ability: scales the household's own asset threshold (Carter-Barrett, heterogeneous). */
  ability: Float32Array;
  /** Product code (see INDUSTRIES). */
  industry: Uint8Array;
  /** Drive (内生动力), 0..1: scales labour effort. */
  drive: Float32Array;
  /** Bit flags, see STATUS. */
  status: Uint8Array;
  /** Years since start when registered / exited (-1 if never). */
  registeredYear: Int16Array;
  exitYear: Int16Array;
  /** 1 once a household has been below the line (or back on the register) since its last exit. */
  fellBack: Uint8Array;
  /** Per-capita disposable income this year, yuan at 2010 prices. */
  income: Float32Array;
  /** Physical operating output this year (yuan at price 1), kept between the two passes. */
  output: Float32Array;
  /** Illness and schooling costs drawn this year (between the two passes), yuan. */
  shockCost: Float32Array;
  /** Labour put into local wage work this year (between the two passes), worker-years. */
  wageLabour: Float32Array;
  /** Integration of a relocated household at its site, 0..1. */
  integration: Float32Array;
}

/** Bit flags in `Households.status`. */
export const STATUS = {
  alive: 1,
  registered: 2,
  exited: 4,
  everRegistered: 8,
  relocated: 16,
  monitored: 32,
  paperExit: 64,
  /** Below the line this year (kept for newPoorRate: fell below = now poor, before not). */
  poor: 128,
} as const;

export function allocateHouseholds(capacity: number): Households {
  const f32 = Float32Array;
  const u8 = Uint8Array;
  const fields = packFields(capacity, {
    county: u8, homeCounty: u8, village: Uint16Array, homeVillage: Uint16Array,
    kids: u8, youth: u8, adults: u8, elders: u8, migrants: u8,
    humanCapital: f32, childHumanCapital: f32, health: f32,
    land: f32, landFactor: f32, assets: f32, savings: f32, debt: f32, ability: f32,
    industry: u8, drive: f32, status: u8,
    registeredYear: Int16Array, exitYear: Int16Array,
    fellBack: u8,
    income: f32, output: f32, shockCost: f32, wageLabour: f32, integration: f32,
  });
  fields.registeredYear.fill(-1);
  fields.exitYear.fill(-1);
  return { count: 0, ...fields };
}

/** Bytes of typed-array storage per household slot. */
export function bytesPerHousehold(h: Households): number {
  let bytes = 0;
  for (const v of Object.values(h)) if (ArrayBuffer.isView(v)) bytes += (v as Uint8Array).BYTES_PER_ELEMENT;
  return bytes;
}
