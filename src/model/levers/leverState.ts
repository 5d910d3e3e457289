/**
 * What the active interventions set this year, per county. The policy system zeroes it and
 * applies every active intervention in scenario order; the other sub-models read it.
 * Levers act through these settings, never on outcomes directly.
 */
export const LEVER_FIELDS = [
  'registration', 'benefitPerPerson', 'workShare',
  'teacherRaise', 'doctorRaise', 'cadreRaise',
  'transportSpend', 'irrigationSpend', 'waterSpend',
  'years12', 'nutrition', 'medicalReimbursement', 'socialFloor', 'socialFloorNearPoor',
  'insuranceCoverage', 'fundIntegration', 'bigData', 'burdenCut',
  'relocationOn', 'relocationWholeVillage', 'relocationMaxPeople', 'relocationEmployment', 'relocationToPlain',
  'ecoCompensation', 'ecoRangerJobs', 'ecoTourism',
  'phaseOutGradual', 'phaseOutYears', 'phaseOutSet',
  'industryTiltJobs', 'microcredit', 'laborExport', 'supervision', 'participation', 'earmarkedExtra',
] as const;
export type LeverField = (typeof LEVER_FIELDS)[number];

export type LeverState = Record<LeverField, Float64Array> & {
  /** Output subsidy budget by county and product: index county * INDUSTRIES.length + product. */
  industrySubsidy: Float64Array;
};

export function allocateLeverState(counties: number, industries: number): LeverState {
  const out = {} as LeverState;
  for (const f of LEVER_FIELDS) out[f] = new Float64Array(counties);
  out.industrySubsidy = new Float64Array(counties * industries);
  return out;
}

export function resetLeverState(s: LeverState): void {
  for (const f of LEVER_FIELDS) s[f].fill(0);
  s.industrySubsidy.fill(0);
}
