import { INDUSTRIES } from '../levers/registry';
import { resetLeverState } from '../levers/leverState';
import type { Intervention } from '../scenario/types';
import type { World } from '../state/world';

const INDUSTRY_CODE: Record<string, number> = Object.fromEntries(INDUSTRIES.map((n, i) => [n, i]));

/**
 * Step 1, policy: zeroes the lever state, then applies every intervention active this year in
 * scenario order. How two levers on one county combine: money and jobs add up (infrastructure,
 * industry support, eco-compensation, eco-tourism, rangers, placed jobs, earmarked transfers,
 * relocation quotas, benefits); raises add up; shares and levels take the larger value
 * (coverage, reimbursement, integration, burden cut, strengths, the social floor, the loan size);
 * switches (years12, nutrition, big data, relocation) are on if any intervention turns them on;
 * for relocation's eligibility, destination and phase-out mode, the later intervention wins.
 */
export function applyPolicy(w: World): void {
  const s = w.levers;
  resetLeverState(s);
  for (let k = 0; k < w.interventions.length; k++) {
    const iv = w.interventions[k];
    if (w.year < iv.from || w.year > iv.to) continue;
    const counties = w.interventionCounties[k];
    for (let j = 0; j < counties.length; j++) applyLever(w, iv, counties[j]);
  }
  phaseOut(w);
}

/**
 * When the campaign's support ends (benefit and floor levers no longer pay), `policyPhaseOut`
 * decides how: `abrupt`, support stops; `gradual`, a transition period of `years` (过渡期) in
 * which the social floor stays at its last level while benefits fall linearly to zero, after
 * which both stop. The last levels are remembered per county.
 */
function phaseOut(w: World): void {
  const s = w.levers;
  const k = w.county;
  for (let c = 0; c < k.count; c++) {
    if (s.benefitPerPerson[c] > 0 || s.socialFloor[c] > 0) {
      k.lastBenefit[c] = s.benefitPerPerson[c];
      k.lastFloor[c] = s.socialFloor[c];
      k.lastSupportYear[c] = w.year;
      continue;
    }
    if (s.phaseOutSet[c] === 0 || s.phaseOutGradual[c] === 0 || k.lastSupportYear[c] === 0) continue;
    const share = 1 - (w.year - k.lastSupportYear[c]) / (s.phaseOutYears[c] + 1);
    if (share <= 0) continue;
    s.registration[c] = 1;
    s.benefitPerPerson[c] = k.lastBenefit[c] * share;
    s.socialFloor[c] = k.lastFloor[c];
  }
}

const num = (iv: Intervention, k: string) => iv[k] as number;
const max = (a: Float64Array, c: number, v: number) => {
  if (v > a[c]) a[c] = v;
};

function applyLever(w: World, iv: Intervention, c: number): void {
  const s = w.levers;
  switch (iv.lever) {
    case 'registration':
      s.registration[c] = 1;
      s.benefitPerPerson[c] += num(iv, 'benefitYuanPerPerson');
      max(s.workShare, c, num(iv, 'workShare'));
      break;
    case 'teacherPay': s.teacherRaise[c] += num(iv, 'raise'); break;
    case 'doctorPay': s.doctorRaise[c] += num(iv, 'raise'); break;
    case 'cadrePay': s.cadreRaise[c] += num(iv, 'raise'); break;
    case 'infrastructure': {
      const kind = iv.kind as string;
      const target = kind === 'irrigation' ? s.irrigationSpend : kind === 'water' ? s.waterSpend : s.transportSpend;
      target[c] += num(iv, 'yuanPerYear');
      break;
    }
    case 'education':
      if (iv.years12) s.years12[c] = 1;
      if (iv.nutrition) s.nutrition[c] = 1;
      break;
    case 'medicalAssistance': max(s.medicalReimbursement, c, num(iv, 'reimbursement')); break;
    case 'socialFloor':
      max(s.socialFloor, c, num(iv, 'yuanPerPerson'));
      if (iv.nearPoor) s.socialFloorNearPoor[c] = 1;
      break;
    case 'industrySupport':
      s.industrySubsidy[c * INDUSTRIES.length + INDUSTRY_CODE[iv.industry as string]] += num(iv, 'yuanPerYear');
      break;
    case 'marketInsurance': max(s.insuranceCoverage, c, num(iv, 'coverage')); break;
    case 'fundIntegration': max(s.fundIntegration, c, num(iv, 'share')); break;
    case 'bigDataIdentification': s.bigData[c] = 1; break;
    case 'assessmentReform': max(s.burdenCut, c, num(iv, 'burdenCut')); break;
    case 'relocation':
      s.relocationOn[c] = 1;
      s.relocationWholeVillage[c] = iv.eligibility === 'wholeVillage' ? 1 : 0;
      s.relocationMaxPeople[c] += num(iv, 'maxPeople');
      if (iv.employmentSupport) s.relocationEmployment[c] = 1;
      s.relocationToPlain[c] = iv.destination === 'plainCounty' ? 1 : 0;
      break;
    case 'ecoCompensation': s.ecoCompensation[c] += num(iv, 'yuanPerHousehold'); break;
    case 'ecoRangers': s.ecoRangerJobs[c] += num(iv, 'jobs'); break;
    case 'ecoTourism': s.ecoTourism[c] += num(iv, 'yuanPerYear'); break;
    case 'policyPhaseOut':
      s.phaseOutSet[c] = 1;
      s.phaseOutGradual[c] = iv.mode === 'gradual' ? 1 : 0;
      s.phaseOutYears[c] = num(iv, 'years');
      break;
    case 'industryTilt': s.industryTiltJobs[c] += num(iv, 'jobs') / (iv.to - iv.from + 1); break;
    case 'microcredit': max(s.microcredit, c, num(iv, 'yuanPerHousehold')); break;
    case 'laborExport': max(s.laborExport, c, num(iv, 'strength')); break;
    case 'supervision': max(s.supervision, c, num(iv, 'strength')); break;
    case 'participation': max(s.participation, c, num(iv, 'strength')); break;
    case 'earmarkedTransfers': s.earmarkedExtra[c] += num(iv, 'yuanPerCapita'); break;
  }
}
