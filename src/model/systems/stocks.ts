import { addCost, LEVER_INDEX } from '../levers/costs';
import type { World } from '../state/world';

/**
 * Step 3, stocks. Infrastructure indexes grow with investment (earmarked infrastructure
 * spending split by need, plus infrastructure levers) with diminishing returns and depreciate.
 * Village ecology renews logistically towards its ceiling and is worn down by population and
 * grazing load; households lean harder on the land when local momentum fails (the
 * poverty-environment link); ecological compensation restores it and eases grazing.
 */
export function updateStocks(w: World): void {
  const p = w.params;
  const k = w.county;
  const L = w.levers;
  const dep = p['infrastructure.depreciation'];
  const unitCost = p['infrastructure.costPerPoint'];
  for (let c = 0; c < k.count; c++) {
    // Building in rugged terrain costs more: the unit cost rises by half for every 1,000 m of relief.
    const perPoint = unitCost * Math.max(0.2, k.residents[c] / 1e5) * (1 + w.counties[c].relief / 2000);
    const t = k.transport[c];
    const ir = k.irrigation[c];
    const wa = k.water[c];
    const gaps = (1 - t) + (1 - ir) + (1 - wa) + 1e-9;
    const earmarked = k.infraSpending[c];
    // The other half of village poverty projects builds village irrigation and drinking water (all
    // of it where no household is supported to receive the productive half).
    const village = (k.supportedPeople[c] > 0 ? 0.25 : 0.5) * k.povertySpending[c];
    const invest = (share: number, lever: number) => (earmarked * share + lever) / perPoint;
    k.transport[c] = clamp01(t + invest((1 - t) / gaps, L.transportSpend[c]) * (1 - t) - dep * t);
    k.irrigation[c] = clamp01(ir + invest((1 - ir) / gaps, L.irrigationSpend[c] + village) * (1 - ir) - dep * ir);
    k.water[c] = clamp01(wa + invest((1 - wa) / gaps, L.waterSpend[c] + village) * (1 - wa) - dep * wa);
    const built = L.transportSpend[c] + L.irrigationSpend[c] + L.waterSpend[c];
    if (built > 0) addCost(w, LEVER_INDEX.infrastructure, c, built);
    // Eco-tourism capital: invested by the lever, depreciating like other capital.
    k.tourismCapital[c] = k.tourismCapital[c] * (1 - p['economy.depreciation']) + L.ecoTourism[c];
    if (L.ecoTourism[c] > 0) addCost(w, LEVER_INDEX.ecoTourism, c, L.ecoTourism[c]);
  }

  const v = w.villages;
  const regrowth = p['ecology.regrowth'];
  const pressure = p['ecology.pressure'];
  const lean = p['household.landPressure'];
  const comp = p['ecology.compensationEffect'];
  for (let j = 0; j < v.count; j++) {
    // Sites do not change; nor does any village during spin-up (its reference state is not set yet).
    if (v.site[j] || v.ecoStart[j] === 0) continue;
    const c = v.county[j];
    const e = v.eco[j];
    // Load: residents and herds relative to the village's initial population (set in spin-up).
    const momentumDrag = k.growthMomentum[c] < 0 ? -k.growthMomentum[c] * 10 : 0;
    const grazingCut = L.ecoCompensation[c] > 0 ? 0.7 : 1;
    const load = (v.refLoad[j] > 0 ? v.load[j] / v.refLoad[j] : 0) * grazingCut * (1 + lean * momentumDrag);
    const restore = comp * L.ecoCompensation[c] + (L.ecoRangerJobs[c] > 0 ? 0.004 : 0);
    // Wear: balanced against regrowth at the start's load (v.balance), rising with load^pressure.
    const wear = v.balance[j] * (e / v.ecoStart[j]) * Math.pow(load, pressure);
    v.eco[j] = clamp01(e + regrowth * e * (1 - e / v.ecoCeiling[j]) - wear + restore * (1 - e));
  }
}

/**
 * Step 4, village shocks: a disaster strikes a village with a probability that rises as its
 * ecology and its county's irrigation fall (floods and droughts in 二(三)).
 */
export function drawVillageShocks(w: World): void {
  const v = w.villages;
  const base = w.params['ecology.disasterBase'];
  for (let j = 0; j < v.count; j++) {
    const c = v.county[j];
    const prob = base * (1 + 2 * (1 - v.eco[j])) * (1 - 0.6 * w.county.irrigation[c]);
    v.disaster[j] = w.rng.villages[c]() < prob ? 1 : 0;
  }
}

export const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);
