import { addCost, LEVER_INDEX } from '../levers/costs';
import { setPosts } from '../state/posts';
import { ALEA_STATE, aleaNext, stochasticRound } from '../rng';
import { CADRE, DOCTOR, TEACHER, TECHNICIAN } from '../state/professionals';
import type { World } from '../state/world';

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Relative pay of each kind (ratio to outside pay) including this year's raises. */
function setPay(w: World, c: number): void {
  const p = w.params;
  const L = w.levers;
  const pay = w.talent.pay;
  pay[c * 4 + TEACHER] = p['talent.teacherPayRatio'] * (1 + L.teacherRaise[c]);
  pay[c * 4 + DOCTOR] = p['talent.doctorPayRatio'] * (1 + L.doctorRaise[c]);
  pay[c * 4 + CADRE] = p['talent.cadrePayRatio'] * (1 + L.cadreRaise[c]);
  pay[c * 4 + TECHNICIAN] = p['talent.technicianPayRatio'];
}

/**
 * The part of a professional's utility of staying that is the same for all of one kind in one
 * county: pay, amenity (ecology, infrastructure, services), the county's attraction and the
 * assessment burden. Individual terms (local birth, years served) are added per agent.
 */
function countyUtility(w: World, c: number, kind: number): number {
  const p = w.params;
  const k = w.county;
  const infra = (k.transport[c] + k.irrigation[c] + k.water[c]) / 3;
  const services = (k.schoolQuality[c] + k.healthQuality[c]) / 2;
  const amenity = 0.4 * k.ecoMean[c] + 0.3 * infra + 0.3 * services;
  k.amenity[c] = amenity;
  // Reference point (utility 0): pay at 70% of outside, amenity 0.6, attraction 1, no extra burden.
  return p['talent.payWeight'] * Math.log(w.talent.pay[c * 4 + kind] / 0.7) + p['talent.amenityWeight'] * (amenity - 0.6) +
    p['talent.attractionWeight'] * Math.log(k.attraction[c]) - p['talent.burdenWeight'] * (k.assessmentBurden[c] - p['services.assessmentBase']);
}

/**
 * Step 9, talent. Each professional compares the utility of staying with the outside and leaves
 * with a logistic probability; those at retirement age retire. Vacancies (posts from pupils and
 * residents, minus those in post) are offered to outsiders and local graduates, who accept with
 * a logistic probability in the same utility. Raises apply to those in post and to posts offered.
 */
export function runTalent(w: World): void {
  const p = w.params;
  const k = w.county;
  const pr = w.professionals;
  const nC = k.count;
  const baseLeave = logit(p['talent.baseLeave']);
  const localTie = p['talent.localTie'];
  const attractionWeight = p['talent.attractionWeight'];
  const retirement = p['talent.retirementAge'];
  const base = new Float64Array(nC * 4); // per year, not per agent
  for (let c = 0; c < nC; c++) {
    setPosts(w, c, p);
    setPay(w, c);
    for (let kind = 0; kind < 4; kind++) base[c * 4 + kind] = countyUtility(w, c, kind);
    k.talentOutflow[c] = 0;
    k.hires[c] = 0;
    k.teacherOutflow[c] = 0;
    k.doctorOutflow[c] = 0;
    k.cadreOutflow[c] = 0;
    k.technicianOutflow[c] = 0;
  }
  const scale = w.scale;
  // Columns and the talent streams' packed states hoisted into locals (drawn inline with aleaNext:
  // the same numbers as w.rng.talent[c]()).
  const { active, county, kind: kinds, age, local, yearsServed, skill } = pr;
  const kStayDerivative = k.stayDerivative;
  const kLeaveCount = k.leaveCount;
  const kStayCount = k.stayCount;
  const kTalentOutflow = k.talentOutflow;
  const kTeacherOutflow = k.teacherOutflow;
  const kDoctorOutflow = k.doctorOutflow;
  const kCadreOutflow = k.cadreOutflow;
  const kTechnicianOutflow = k.technicianOutflow;
  const rs = w.rng.talent.states;
  for (let s = 0; s < pr.capacity; s++) {
    if (!active[s]) continue;
    const c = county[s];
    const kind = kinds[s];
    age[s]++;
    if (age[s] >= retirement) {
      active[s] = 0;
      continue;
    }
    const u = base[c * 4 + kind] + (local[s] ? localTie : -0.5 * localTie) + 0.04 * Math.min(yearsServed[s], 10);
    const pLeave = sigmoid(baseLeave - u);
    kStayDerivative[c] += attractionWeight * pLeave * (1 - pLeave) * scale;
    kLeaveCount[c] += pLeave * scale;
    kStayCount[c] += scale;
    if (aleaNext(rs, c * ALEA_STATE) < pLeave) {
      active[s] = 0;
      kTalentOutflow[c] += scale;
      if (kind === TEACHER) kTeacherOutflow[c] += scale;
      else if (kind === DOCTOR) kDoctorOutflow[c] += scale;
      else if (kind === CADRE) kCadreOutflow[c] += scale;
      else kTechnicianOutflow[c] += scale;
    } else {
      yearsServed[s]++;
      skill[s] = Math.min(1, skill[s] + 0.01);
    }
  }
  countInPost(w);
  // Pay levers cost the raise on the pay of everyone in post.
  const outsidePay = p['talent.outsidePay'] * (w.outsideWage / p['macro.outsideWage']);
  for (let c = 0; c < nC; c++) {
    const L = w.levers;
    const raises = [L.teacherRaise[c], L.doctorRaise[c], L.cadreRaise[c]];
    const levers = [LEVER_INDEX.teacherPay, LEVER_INDEX.doctorPay, LEVER_INDEX.cadrePay];
    for (let kind = 0; kind < 3; kind++) {
      if (raises[kind] <= 0) continue;
      const basePay = w.talent.pay[c * 4 + kind] / (1 + raises[kind]);
      addCost(w, levers[kind], c, raises[kind] * basePay * outsidePay * w.talent.inPost[c * 4 + kind]);
    }
  }
  // Hiring: vacancies offered to outsiders and local graduates.
  let free = 0;
  for (let c = 0; c < nC; c++) {
    const rng = w.rng.talent[c];
    // Local graduates are more numerous where schooling has been better.
    const localGraduates = Math.min(0.8, 0.3 + 0.5 * k.adultHumanCapital[c]);
    for (let kind = 0; kind < 4; kind++) {
      const vacancies = (w.talent.posts[c * 4 + kind] - w.talent.inPost[c * 4 + kind]) / scale;
      if (vacancies <= 0) continue;
      const local = rng() < localGraduates ? 1 : 0;
      const accept = sigmoid(logit(0.5) + base[c * 4 + kind] + (local ? localTie : 0));
      k.inflowDerivative[c] += attractionWeight * accept * (1 - accept) * vacancies * scale;
      k.inflowCount[c] += accept * vacancies * scale;
      let hires = stochasticRound(vacancies * accept, rng());
      while (hires > 0) {
        while (free < pr.capacity && pr.active[free]) free++;
        if (free >= pr.capacity) break;
        pr.active[free] = 1;
        pr.county[free] = c;
        pr.kind[free] = kind;
        pr.age[free] = 23 + Math.floor(rng() * 8);
        pr.yearsServed[free] = 0;
        pr.local[free] = rng() < localGraduates ? 1 : 0;
        // Better pay draws better candidates: skill rises with pay above 70% of outside pay.
        const premium = w.talent.pay[c * 4 + kind] / 0.7 - 1;
        pr.skill[free] = 0.35 + 0.4 * rng() + 0.3 * (premium < 0 ? 0 : premium > 1 ? 1 : premium);
        hires--;
        k.hires[c] += scale;
      }
    }
  }
  settleServices(w); // counts those in post again, hires included
}

/** Counts professionals in post and their mean skill by county and kind. */
export function countInPost(w: World): void {
  const t = w.talent;
  const pr = w.professionals;
  t.inPost.fill(0);
  t.skill.fill(0);
  for (let s = 0; s < pr.capacity; s++) {
    if (!pr.active[s]) continue;
    const j = pr.county[s] * 4 + pr.kind[s];
    t.inPost[j] += w.scale;
    t.skill[j] += pr.skill[s] * w.scale;
  }
  for (let j = 0; j < t.inPost.length; j++) t.skill[j] = t.inPost[j] > 0 ? t.skill[j] / t.inPost[j] : 0;
}

/**
 * Service quality: teaching and treating actually delivered relative to the norm. Teachers and
 * doctors lose the share of their time taken by assessment (offDutyShare of the burden), and
 * congestion from newcomers above host capacity lowers quality for everyone (二(五)).
 */
export function settleServices(w: World): void {
  const p = w.params;
  const k = w.county;
  const t = w.talent;
  const offDuty = p['services.offDutyShare'];
  const congestionWeight = p['services.congestionWeight'];
  countInPost(w);
  for (let c = 0; c < k.count; c++) {
    const onDuty = 1 - k.assessmentBurden[c] * offDuty;
    const congestion = 1 / (1 + congestionWeight * k.congestion[c]);
    const teacherNorm = k.pupils[c] / p['talent.pupilsPerTeacherPost'];
    const doctorNorm = (k.residents[c] / 1000) * p['talent.doctorPostsPer1000'];
    const teaching = teacherNorm > 0 ? (t.inPost[c * 4 + TEACHER] * onDuty * (0.5 + t.skill[c * 4 + TEACHER])) / (teacherNorm * 1.15) : 1;
    const treating = doctorNorm > 0 ? (t.inPost[c * 4 + DOCTOR] * onDuty * (0.5 + t.skill[c * 4 + DOCTOR])) / (doctorNorm * 1.15) : 1;
    // Full staffing with skilled teachers can deliver more than the norm (up to 1.25).
    k.schoolQuality[c] = Math.min(1.25, teaching) * congestion;
    k.healthQuality[c] = Math.min(1, treating) * congestion;
  }
}
