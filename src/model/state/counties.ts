/**
 * County state: one Float64Array per field, one slot per county. Fields are grouped by the
 * sub-model that writes them; any sub-model may read any field.
 */
export const COUNTY_FIELDS = [
  // structure
  'terrain', 'scaleHouseholds',
  // stocks
  'transport', 'irrigation', 'water', 'capital', 'tourismCapital',
  // economy (written by production/saving)
  'output', 'previousOutput', 'nonFarmOutput', 'farmOutput', 'productivity', 'localWage', 'jobs', 'jobSeekers', 'jobRate',
  'profits', 'investment', 'householdLocalInvestment', 'capitalOutflow', 'savingsFlow', 'growthMomentum', 'attraction',
  'localReturn', 'assetOutput', 'adultHumanCapital', 'workingAge', 'thresholdFactor', 'technology', 'momentumSmoothed', 'outputLastYear', 'householdAssets', 'incomeOperating', 'incomeWage', 'incomeProperty', 'incomeTransfer',
  // fiscal
  'ownRevenue', 'generalTransfer', 'earmarked', 'earmarkedSpent', 'idleEarmarked', 'leaked', 'developmentSpending',
  'projectCapacity', 'campaignSpending', 'fiscalDependency', 'infraSpending', 'povertySpending', 'serviceSpending',
  // services and talent
  'pupils', 'residents', 'youthResidents', 'schoolQuality', 'healthQuality', 'assessmentBurden', 'congestion',
  'hostCapacity', 'newcomers', 'amenity', 'ecoMean', 'ecoWeight',
  'talentOutflow', 'hires', 'teacherOutflow', 'doctorOutflow', 'cadreOutflow', 'technicianOutflow', 'youthOutflow', 'youthReturn',
  'stayDerivative', 'stayCount', 'leaveCount', 'inflowDerivative', 'inflowCount', 'seekerLabour', 'farmPerWorker', 'newPoorHouseholds', 'lastBenefit', 'lastFloor', 'lastSupportYear', 'supportedPeople', 'neverRegistered', 'familiesLeft', 'tourismOutput',
  // identification and relocation
  'registeredPeople', 'relocatedPeople', 'relocatedThisYear', 'exitsThisYear', 'paperExitsThisYear',
  // costs
  'interventionCost',
  // loop links (elasticities), see systems/loopGain.ts
  'linkOutflowAccumulation', 'linkAccumulationMomentum', 'linkMomentumAttraction', 'linkAttractionOutflow', 'loopGain',
  'linkEcologyOutflow', 'linkMomentumEcology',
] as const;

export type CountyField = (typeof COUNTY_FIELDS)[number];
export type Counties = Record<CountyField, Float64Array> & { count: number };

export function allocateCounties(count: number): Counties {
  const out = { count } as Counties;
  for (const f of COUNTY_FIELDS) out[f] = new Float64Array(count);
  return out;
}

/** Per-county professional counts by kind: index county * 4 + kind. */
export interface TalentTables {
  inPost: Float64Array;
  posts: Float64Array;
  /** Mean skill of those in post. */
  skill: Float64Array;
  /** Relative pay (ratio to outside pay) including any raise, this year. */
  pay: Float64Array;
}

export function allocateTalentTables(counties: number): TalentTables {
  const n = counties * 4;
  return { inPost: new Float64Array(n), posts: new Float64Array(n), skill: new Float64Array(n), pay: new Float64Array(n) };
}

/** Villages: ecology and disasters differ between them. */
export interface Villages {
  count: number;
  county: Uint8Array;
  terrain: Uint8Array;
  /** Ecological carrying capacity now, 0..1, and its ceiling. */
  eco: Float64Array;
  ecoCeiling: Float64Array;
  /** Terrain relief, metres. */
  relief: Float64Array;
  /** Residents and grazing load this year, summed in the household pass. */
  residents: Float64Array;
  load: Float64Array;
  /** Ecology at the start and the wear that balanced regrowth then. */
  ecoStart: Float64Array;
  balance: Float64Array;
  /** Load at the start (after spin-up): the reference the ecology's pressure is measured against. */
  refLoad: Float64Array;
  /** 1 if hit by a disaster this year. */
  disaster: Uint8Array;
  /** 1 for a resettlement site (no farmland, near the county seat). */
  site: Uint8Array;
}

export function allocateVillages(count: number): Villages {
  return {
    count,
    county: new Uint8Array(count), terrain: new Uint8Array(count),
    eco: new Float64Array(count), ecoCeiling: new Float64Array(count), relief: new Float64Array(count),
    residents: new Float64Array(count), load: new Float64Array(count), refLoad: new Float64Array(count), ecoStart: new Float64Array(count), balance: new Float64Array(count), disaster: new Uint8Array(count), site: new Uint8Array(count),
  };
}
