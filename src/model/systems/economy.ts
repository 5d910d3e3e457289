import { addCost, LEVER_INDEX } from '../levers/costs';
import type { Params } from '../params/registry';
import { CADRE, TECHNICIAN } from '../state/professionals';
import type { World } from '../state/world';

/**
 * County productivity from its talent and its roads: management and technical talent
 * (二(三): 政府和企业高级管理人才严重匮乏) and transport raise it.
 */
export function countyProductivity(w: World, c: number): number {
  return localAdvantage(w, c) * w.county.technology[c];
}

/**
 * Productivity from management and technical talent: fill^(e / fill). Where talent is scarce,
 * each loss hurts more (the elasticity e / fill rises as the fill falls): a county with three
 * technicians of ten loses more from one leaving than a county with nine.
 */
export function talentFactor(fill: number, elasticity: number): number {
  const f = fill < 0.05 ? 0.05 : fill > 1 ? 1 : fill;
  return Math.pow(f, elasticity / Math.max(0.3, f));
}

/** Fill rate of cadre and technician posts. */
export function managementFill(w: World, c: number): number {
  const t = w.talent;
  const posts = t.posts[c * 4 + CADRE] + t.posts[c * 4 + TECHNICIAN];
  return posts > 0 ? (t.inPost[c * 4 + CADRE] + t.inPost[c * 4 + TECHNICIAN]) / posts : 1;
}

/** The county's own advantage, from talent in post and transport, without the national trend. */
export function localAdvantage(w: World, c: number): number {
  const p = w.params;
  return talentFactor(managementFill(w, c), p['economy.talentTFP']) *
    Math.pow((0.4 + w.county.transport[c]) / 0.9, p['economy.transportTFP']);
}

/**
 * Reservation wage of local workers this year: higher where talent and roads make work more
 * productive, and catching up partly with outside wages (spin-up years run at the start level).
 */
export function localWage(w: World, c: number): number {
  const growth = w.outsideWage / w.params['macro.outsideWage'];
  return w.params['economy.localWage'] * localAdvantage(w, c) * Math.pow(growth, w.params['economy.wageCatchUp']);
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
  const tfp = p['economy.tfp'];
  const alpha = p['economy.capitalShare'];
  for (let c = 0; c < k.count; c++) {
    if (L.industryTiltJobs[c] > 0) {
      const capital = L.industryTiltJobs[c] * p['economy.capitalPerJob'];
      k.capital[c] += capital;
      addCost(w, LEVER_INDEX.industryTilt, c, capital);
    }
    // National technical progress reaches a county as fast as its workforce and its technicians
    // and cadres can adopt it (Nelson and Phelps 1966): schooling and talent set the pace.
    if (w.t > 0) {
      const schooling = Math.min(1.5, k.adultHumanCapital[c] / 0.5);
      k.technology[c] *= 1 + p['economy.tfpGrowth'] * schooling * schooling * Math.pow(Math.min(1, managementFill(w, c)), 2);
    }
    k.productivity[c] = countyProductivity(w, c);
    const a = tfp * k.productivity[c];
    const seekers = k.jobSeekers[c];
    // Firms hire until the marginal product of labour falls to the wage (Cobb-Douglas). At the
    // reservation wage they may want more workers than seek jobs: then they bid the wage up to
    // the marginal product of the workers there are.
    const reservation = localWage(w, c);
    const demand = labourDemand(k.capital[c], a, reservation, alpha);
    if (seekers > 0 && demand > seekers) {
      k.localWage[c] = (1 - alpha) * a * Math.pow(k.capital[c] / seekers, alpha);
      k.jobs[c] = seekers + L.ecoRangerJobs[c];
    } else {
      k.localWage[c] = reservation;
      k.jobs[c] = demand + L.ecoRangerJobs[c];
    }
    k.jobRate[c] = seekers > 0 ? Math.min(1, k.jobs[c] / seekers) : 1;
    if (L.ecoRangerJobs[c] > 0) addCost(w, LEVER_INDEX.ecoRangers, c, L.ecoRangerJobs[c] * 8000);
  }
}

/** Workers firms want at wage `wage`: L = K * ((1 - a) * A / wage)^(1 / a). */
export function labourDemand(capital: number, tfp: number, wage: number, alpha: number): number {
  return capital * Math.pow(((1 - alpha) * tfp) / wage, 1 / alpha);
}

/** Non-farm output Y = A * K^a * L^(1-a). */
export function nonFarmOutput(capital: number, labour: number, tfp: number, alpha: number): number {
  return capital > 0 && labour > 0 ? tfp * Math.pow(capital, alpha) * Math.pow(labour, 1 - alpha) : 0;
}

/** Attraction of a county for quality factors: wages, momentum, services, ecology, infrastructure. */
export function attractionOf(wageRatio: number, momentum: number, services: number, eco: number, infra: number): number {
  // Momentum as perceived is bounded: a boom or bust beyond ±30% a year reads as ±30%.
  momentum = momentum > 0.3 ? 0.3 : momentum < -0.3 ? -0.3 : momentum;
  return Math.exp(0.8 * Math.log(Math.max(0.05, wageRatio) / 0.35) + 6 * momentum + 0.8 * (services - 0.7) + 0.8 * (eco - 0.6) + 0.5 * (infra - 0.5));
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
  const tfp = p['economy.tfp'];
  const outside = p['macro.outsideReturn'];
  for (let c = 0; c < k.count; c++) {
    const rangers = w.levers.ecoRangerJobs[c];
    const employed = Math.max(0, Math.min(k.jobs[c] - rangers, k.jobSeekers[c] - rangers));
    k.nonFarmOutput[c] = nonFarmOutput(k.capital[c], employed, tfp * k.productivity[c], alpha);
    // Tourism: returns depend on ecology and transport.
    k.tourismOutput[c] = k.tourismCapital[c] * 0.25 * meanEco(w, c) * (0.3 + k.transport[c]);
    k.output[c] = k.farmOutput[c] + k.nonFarmOutput[c] + k.tourismOutput[c];
    k.profits[c] = Math.max(0, k.nonFarmOutput[c] - employed * k.localWage[c]) + k.tourismOutput[c] * 0.5;
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
    // Outside investors come where attraction is high and the local return beats the outside rate.
    const fromOutside = outsideInvestmentOf(p, k.attraction[c], k.nonFarmOutput[c], k.localReturn[c], k.capital[c]);
    const development = k.developmentSpending[c] * p['fiscal.developmentReturn'];
    k.investment[c] = firms + fromOutside + lentLocally + development + k.householdLocalInvestment[c];
    k.capital[c] = k.capital[c] * (1 - p['economy.depreciation']) + firms + fromOutside + lentLocally + development;
  }
}

/**
 * Investment from outside the county: in proportion to attraction and local output, where the
 * local return beats the outside rate, and at most a fifth of the capital already there.
 */
export function outsideInvestmentOf(p: Params, attraction: number, nonFarm: number, localReturn: number, capital: number): number {
  const wanted = p['economy.outsideInvestment'] * attraction * nonFarm * 2 * localLendingShare(localReturn, p['macro.outsideReturn']);
  return Math.min(0.2 * capital + 1e6, wanted);
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
