import { addCost, LEVER_INDEX } from '../levers/costs';
import type { World } from '../state/world';
import { CADRE } from '../state/professionals';

/** Earmarked categories and their shares of earmarked money (infrastructure, village poverty projects, services). */
export const EARMARK_SHARES = [0.4, 0.4, 0.2] as const;

/**
 * Step 2, fiscal. Transfers arrive. Earmarked money goes only to its category and only as fast
 * as cadres can run projects (their time net of assessment); the rest sits idle
 * (专项资金用不完). A share `fundIntegration` may move to where its return is highest: first to
 * categories whose need exceeds their earmark, then to county development. Some money leaks,
 * less with supervision. Local matching of earmarked projects and staff time on the campaign
 * come out of county development spending (the short-term/long-term conflict of 二(一)).
 * Writes the category spending into county fields read by stocks and households.
 */
export function runFiscal(w: World): void {
  const p = w.params;
  const k = w.county;
  const L = w.levers;
  const capacityPerCadre = p['fiscal.projectCapacityPerCadre'];
  for (let c = 0; c < k.count; c++) {
    const residents = k.residents[c];
    const registeredShare = residents > 0 ? k.registeredPeople[c] / residents : 0;
    // Assessment burden: rounds scale with registered households and the layers that assess.
    const layers = p['policy.targetLayers'];
    let burden = p['services.assessmentBase'] +
      (L.registration[c] > 0 ? p['services.assessmentPerRegistered'] * registeredShare * (1 + layers) / 4 : 0);
    if (L.bigData[c] > 0) burden *= 0.6;
    burden *= 1 - L.burdenCut[c];
    k.assessmentBurden[c] = Math.min(0.6, burden);

    k.ownRevenue[c] = p['economy.taxRate'] * k.nonFarmOutput[c];
    k.generalTransfer[c] = p['fiscal.generalTransferPerCapita'] * residents;
    const earmarked = (p['fiscal.earmarkedPerCapita'] + L.earmarkedExtra[c]) * residents;
    k.earmarked[c] = earmarked;

    // Projects cadres can run this year, net of their assessment time.
    const cadres = w.talent.inPost[c * 4 + CADRE];
    const capacity = cadres * (1 - k.assessmentBurden[c]) * capacityPerCadre;
    k.projectCapacity[c] = capacity;
    const integrated = L.fundIntegration[c];
    const infraIndex = (k.transport[c] + k.irrigation[c] + k.water[c]) / 3;
    const needs = [
      (1 - infraIndex) * residents * 800, // infrastructure still missing
      k.registeredPeople[c] * 2500 + residents * 60, // village poverty projects
      k.pupils[c] * 300 + residents * 50, // schools and clinics
    ];
    let spent = 0;
    let usedCapacity = 0;
    const spentByCategory = [k.infraSpending, k.povertySpending, k.serviceSpending];
    for (let g = 0; g < 3; g++) {
      const bound = earmarked * EARMARK_SHARES[g] * (1 - integrated);
      const s = Math.max(0, Math.min(bound, needs[g], capacity * EARMARK_SHARES[g]));
      spentByCategory[g][c] = s;
      spent += s;
      usedCapacity += s;
    }
    // Integrated money: less paperwork (1.5x capacity), goes to unmet needs then development.
    let pool = earmarked * integrated;
    let spareCapacity = Math.max(0, capacity * 1.5 - usedCapacity);
    for (let g = 0; g < 3 && pool > 0; g++) {
      const gap = Math.max(0, needs[g] - spentByCategory[g][c]);
      const s = Math.min(gap, pool, spareCapacity);
      spentByCategory[g][c] += s;
      pool -= s;
      spareCapacity -= s;
      spent += s;
    }
    const integratedToDevelopment = Math.min(pool, spareCapacity);
    spent += integratedToDevelopment;
    k.earmarkedSpent[c] = spent;
    k.idleEarmarked[c] = earmarked - spent;

    const leakage = p['policy.leakage'] * (1 - L.supervision[c]);
    k.leaked[c] = spent * leakage;
    const kept = 1 - leakage;
    // Crowding out: matching funds and campaign staff time come out of development spending.
    const general = (k.ownRevenue[c] + k.generalTransfer[c]) * (1 - p['fiscal.mandatoryShare']);
    const matching = p['fiscal.matchingShare'] * (spent - integratedToDevelopment);
    const staffTime = L.registration[c] > 0 ? k.assessmentBurden[c] * general * 0.5 : 0;
    k.developmentSpending[c] = Math.max(0, general - matching - staffTime) + integratedToDevelopment * kept;
    k.campaignSpending[c] = spentByCategory[1][c] * kept;
    // Category spending, net of leakage, handed to the stock and household systems.
    spentByCategory[0][c] *= kept;
    spentByCategory[1][c] *= kept;
    spentByCategory[2][c] *= kept;
    const transfers = k.generalTransfer[c] + earmarked;
    const revenue = transfers + k.ownRevenue[c];
    k.fiscalDependency[c] = revenue > 0 ? transfers / revenue : 0;
    // Supervision costs 0.5% of transfers; earmarked extra money is a cost of the campaign.
    if (L.supervision[c] > 0) addCost(w, LEVER_INDEX.supervision, c, 0.005 * transfers);
    if (L.earmarkedExtra[c] > 0) addCost(w, LEVER_INDEX.earmarkedTransfers, c, L.earmarkedExtra[c] * residents);
  }
}
