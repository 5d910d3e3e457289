import type { Params } from '../params/registry';
import type { World } from './world';

/** Share of children (0-17) enrolled in primary to upper-secondary school (ages 6-17). */
export const PUPIL_SHARE = 12 / 18;

/** Establishment posts of a county from its pupils and residents (real numbers). */
export function setPosts(w: World, c: number, p: Params): void {
  const r = w.county.residents[c] / 1000;
  w.talent.posts[c * 4] = w.county.pupils[c] / p['talent.pupilsPerTeacherPost'];
  w.talent.posts[c * 4 + 1] = r * p['talent.doctorPostsPer1000'];
  w.talent.posts[c * 4 + 2] = r * p['talent.cadrePostsPer1000'];
  w.talent.posts[c * 4 + 3] = r * p['talent.technicianPostsPer1000'];
}

