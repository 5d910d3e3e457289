import type { World } from '../state/world';
import { attractionOf, labourDemand, managementFill, nonFarmOutput, outsideInvestmentOf, talentFactor } from './economy';

/** Relative size of the finite-difference probes. */
const EPS = 0.01;

/**
 * Step 12a, the loop's strength, estimated from the county's own state each year by small
 * finite-difference probes of the same county-level relations the step used (MODEL.md: "a small
 * finite-difference probe on a copy of the county"). All four links are signed so that a
 * positive value pushes in the loop's direction; their product is `loopGain`.
 *
 * 1. outflow → accumulation: elasticity of local investment in the retained stock of quality
 *    factors (savers, workers and cadres/technicians scaled together by 1 ± ε).
 * 2. accumulation → momentum: elasticity of local output in the capital that investment builds
 *    (jobs come from capital; output rises with capital only where jobs, not workers, bind).
 * 3. momentum → attraction: elasticity of attraction in local output (through momentum and the
 *    chance of a local job).
 * 4. attraction → outflow: elasticity of the yearly outflow rate of professionals and youth in
 *    attraction, summed over their logistic decisions (exact derivative of the model's rule);
 *    in steady state the retained stock moves by the same elasticity.
 * Ecology: elasticity of the outflow rate in ecology through attraction (ecology enters the log
 * of attraction with weight 0.8), and the sensitivity of ecological wear to a fall in output
 * (land pressure when momentum fails: zero while output grows).
 */
export function estimateLoop(w: World): void {
  const p = w.params;
  const k = w.county;
  const alpha = p['economy.capitalShare'];
  const talentTFP = p['economy.talentTFP'];
  const reinvestment = p['economy.reinvestment'];
  for (let c = 0; c < k.count; c++) {
    const wage = k.localWage[c];
    const seekers = k.jobSeekers[c];
    const jobs = k.jobs[c];
    const a = p['economy.tfp'] * k.productivity[c];
    const fill = managementFill(w, c);
    // Non-farm output when retained factors scale by r (workers, and talent through productivity)
    // and capital by f: employment is the smaller of labour demand and job seekers.
    const nonFarm = (r: number, f: number) => {
      const tfp = a * talentFactor(fill * r, talentTFP) / talentFactor(fill, talentTFP);
      const employed = Math.min(labourDemand(k.capital[c] * f, tfp, wage, alpha), seekers * r);
      return nonFarmOutput(k.capital[c] * f, employed, tfp, alpha);
    };
    const householdPart = k.householdLocalInvestment[c] + (k.savingsFlow[c] - k.capitalOutflow[c]);
    const development = k.developmentSpending[c] * p['fiscal.developmentReturn'];
    const investmentAt = (r: number) => {
      const nf = nonFarm(r, 1);
      const employed = Math.min(labourDemand(k.capital[c], a * talentFactor(fill * r, talentTFP) / talentFactor(fill, talentTFP), wage, alpha), seekers * r);
      // Profits (plus tourism's half), the local return and outside investment by the same relations
      // as invest(). The households' part (own investment and deposits lent locally) is scaled with
      // r at this year's lending share: the share is not re-evaluated at the probed local return.
      const profits = Math.max(0, nf - employed * wage) + k.tourismOutput[c] * 0.5;
      const localReturn = k.capital[c] > 0 ? profits / (k.capital[c] + k.tourismCapital[c]) : 0;
      return householdPart * r + reinvestment * profits + outsideInvestmentOf(p, k.attraction[c], nf, localReturn, k.capital[c]) + development;
    };
    const i0 = investmentAt(1);
    const link1 = i0 > 0 ? (investmentAt(1 + EPS) - investmentAt(1 - EPS)) / (2 * EPS * i0) : 0;

    // Farm output responds to households' productive assets (their part of accumulation).
    const assetShare = k.farmOutput[c] > 0 ? Math.min(1, k.assetOutput[c] / (k.farmOutput[c] + 1)) : 0;
    const outputAt = (capitalFactor: number) =>
      k.farmOutput[c] * (1 + assetShare * 0.8 * (capitalFactor - 1)) + k.tourismOutput[c] + nonFarm(1, capitalFactor);
    const y0 = outputAt(1);
    const link2 = y0 > 0 ? (outputAt(1 + EPS) - outputAt(1 - EPS)) / (2 * EPS * y0) : 0;

    const prev = k.output[c] / (1 + k.growthMomentum[c]);
    const smoothedBefore = k.momentumSmoothed[c] - 0.4 * k.growthMomentum[c];
    const infra = (k.transport[c] + k.irrigation[c] + k.water[c]) / 3;
    const services = (k.schoolQuality[c] + k.healthQuality[c]) / 2;
    const attractionAt = (f: number) => {
      const y = k.output[c] * f;
      const jobRate = seekers > 0 ? Math.min(1, (jobs * f) / seekers) : 1;
      const momentum = smoothedBefore + 0.4 * (prev > 0 ? y / prev - 1 : 0);
      return attractionOf((wage * (0.4 + 0.6 * jobRate)) / w.outsideWage, momentum, services, k.ecoMean[c], infra);
    };
    const a0 = attractionAt(1);
    const link3 = a0 > 0 ? (Math.log(attractionAt(1 + EPS)) - Math.log(attractionAt(1 - EPS))) / (2 * EPS) : 0;

    // Steady-state stock = inflow / outflow rate: its elasticity is the inflow's plus the outflow rate's (sign flipped).
    const outflowElasticity = k.leaveCount[c] > 0 ? k.stayDerivative[c] / k.leaveCount[c] : 0;
    const inflowElasticity = k.inflowCount[c] > 0 ? k.inflowDerivative[c] / k.inflowCount[c] : 0;
    const link4 = outflowElasticity + inflowElasticity;

    k.linkOutflowAccumulation[c] = link1;
    k.linkAccumulationMomentum[c] = link2;
    k.linkMomentumAttraction[c] = link3;
    k.linkAttractionOutflow[c] = link4;
    k.loopGain[c] = link1 * link2 * link3 * link4;
    // Ecology enters attraction with weight 0.8 per unit: elasticity 0.8 * eco, times link 4.
    k.linkEcologyOutflow[c] = 0.8 * k.ecoMean[c] * link4;
    k.linkMomentumEcology[c] = k.growthMomentum[c] < 0 ? p['ecology.pressure'] * p['household.landPressure'] * 10 : 0;
  }
}
