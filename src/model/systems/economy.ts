import type { Params } from '../params/registry';
import { CADRE, TECHNICIAN } from '../state/professionals';
import type { World } from '../state/world';

/**
 * County productivity from its talent and its roads: management and technical talent
 * (二(三): 政府和企业高级管理人才严重匮乏) and transport raise it.
 */
export function countyProductivity(w: World, c: number): number {
  const p = w.params;
  const t = w.talent;
  const posts = t.posts[c * 4 + CADRE] + t.posts[c * 4 + TECHNICIAN];
  const fill = posts > 0 ? (t.inPost[c * 4 + CADRE] + t.inPost[c * 4 + TECHNICIAN]) / posts : 1;
  return Math.pow(Math.max(0.05, fill), p['economy.talentTFP']) *
    Math.pow((0.4 + w.county.transport[c]) / 0.9, p['economy.transportTFP']);
}

/** Local wage of a county this year. */
export function localWage(w: World, c: number): number {
  const growth = w.outsideWage / w.params['macro.outsideWage'];
  return w.params['economy.localWage'] * countyProductivity(w, c) * Math.pow(growth, w.params['economy.wageCatchUp']);
}

/**
 * Step 5a, county economy at the start of the year: wage jobs from local capital (and placed
 * industry), the local wage from productivity, and the chance a job seeker finds local work
 * (jobs over last year's seekers).
 */
export function runEconomy(w: World): void {
  const p = w.params;
  const k = w.county;
  const L = w.levers;
  for (let c = 0; c < k.count; c++) {
    if (L.industryTiltJobs[c] > 0) {
      const capital = L.industryTiltJobs[c] * p['economy.capitalPerJob'];
      k.capital[c] += capital;
      k.interventionCost[c] += capital;
    }
    k.productivity[c] = countyProductivity(w, c);
    k.localWage[c] = localWage(w, c);
    k.jobs[c] = k.capital[c] / p['economy.capitalPerJob'] + L.ecoRangerJobs[c];
    const seekers = k.jobSeekers[c];
    k.jobRate[c] = seekers > 0 ? Math.min(1, k.jobs[c] / seekers) : 1;
    k.interventionCost[c] += L.ecoRangerJobs[c] * 8000;
  }
}

/** Attraction of a county for quality factors: wages, momentum, services, ecology, infrastructure. */
export function attractionOf(wageRatio: number, momentum: number, services: number, eco: number, infra: number): number {
  return Math.exp(0.8 * Math.log(Math.max(0.05, wageRatio) / 0.35) + 5 * momentum + 0.8 * (services - 0.7) + 0.8 * (eco - 0.6) + 0.5 * (infra - 0.5));
}

/**
 * Step 7, investment at the end of the year: non-farm output from jobs filled, profits, the
 * local return on capital, momentum and attraction; household deposits are lent locally only
 * where the local return beats the outside rate, the rest leaves (capital outflow); firms
 * reinvest profits and attract outside investment in proportion to attraction; county
 * development spending adds capital.
 */
export function invest(w: World): void {
  const p: Params = w.params;
  const k = w.county;
  const alpha = p['economy.capitalShare'];
  const outside = p['macro.outsideReturn'];
  for (let c = 0; c < k.count; c++) {
    const filled = Math.min(k.jobs[c], k.jobSeekers[c]);
    k.nonFarmOutput[c] = (filled * k.localWage[c]) / (1 - alpha);
    // Tourism: returns depend on ecology and transport.
    k.tourismOutput[c] = k.tourismCapital[c] * 0.25 * meanEco(w, c) * (0.3 + k.transport[c]);
    k.output[c] = k.farmOutput[c] + k.nonFarmOutput[c] + k.tourismOutput[c];
    k.profits[c] = alpha * k.nonFarmOutput[c] + k.tourismOutput[c] * 0.5;
    k.localReturn[c] = k.capital[c] > 0 ? k.profits[c] / (k.capital[c] + k.tourismCapital[c]) : 0;
    k.outputLastYear[c] = k.previousOutput[c];
    k.growthMomentum[c] = k.previousOutput[c] > 0 ? k.output[c] / k.previousOutput[c] - 1 : 0;
    k.previousOutput[c] = k.output[c];
    // Momentum as people perceive it: smoothed over about three years.
    k.momentumSmoothed[c] = 0.6 * k.momentumSmoothed[c] + 0.4 * k.growthMomentum[c];
    k.attraction[c] = countyAttraction(w, c, k.momentumSmoothed[c], k.jobRate[c]);

    const lentLocally = k.savingsFlow[c] * localLendingShare(k.localReturn[c], outside);
    k.capitalOutflow[c] = k.savingsFlow[c] - lentLocally;
    const firms = p['economy.reinvestment'] * k.profits[c];
    const fromOutside = p['economy.outsideInvestment'] * k.attraction[c] * k.nonFarmOutput[c];
    const development = k.developmentSpending[c] * p['fiscal.developmentReturn'];
    k.investment[c] = firms + fromOutside + lentLocally + development + k.householdLocalInvestment[c];
    k.capital[c] = k.capital[c] * (1 - p['economy.depreciation']) + firms + fromOutside + lentLocally + development;
  }
}

/** Share of deposits the local credit co-operative lends in the county. */
export function localLendingShare(localReturn: number, outsideReturn: number): number {
  return 1 / (1 + Math.exp(-25 * (localReturn - outsideReturn)));
}

export function countyAttraction(w: World, c: number, momentum: number, jobRate: number): number {
  const k = w.county;
  const services = (k.schoolQuality[c] + k.healthQuality[c]) / 2;
  const infra = (k.transport[c] + k.irrigation[c] + k.water[c]) / 3;
  const wageRatio = (k.localWage[c] * (0.4 + 0.6 * jobRate)) / w.outsideWage;
  return attractionOf(wageRatio, momentum, services, meanEco(w, c), infra);
}

/** Resident-weighted ecology of a county's villages (sites excluded), from the last household pass. */
export function meanEco(w: World, c: number): number {
  return w.county.ecoMean[c];
}
