/** Kinds of professionals (人才). Index = the code stored in `Professionals.kind`. */
export const PROFESSIONS = ['teacher', 'doctor', 'cadre', 'technician'] as const;
export type Profession = (typeof PROFESSIONS)[number];
export const TEACHER = 0;
export const DOCTOR = 1;
export const CADRE = 2;
export const TECHNICIAN = 3;

/**
 * Professionals as a struct of typed arrays. One agent stands for `scale` real professionals.
 * Slots whose `active` is 0 are free and reused for new hires.
 */
export interface Professionals {
  capacity: number;
  active: Uint8Array;
  county: Uint8Array;
  kind: Uint8Array;
  age: Uint8Array;
  yearsServed: Uint8Array;
  /** 1 if born in the county. */
  local: Uint8Array;
  /** Skill, 0..1: scales service quality. */
  skill: Float32Array;
}

export function allocateProfessionals(capacity: number): Professionals {
  return {
    capacity,
    active: new Uint8Array(capacity),
    county: new Uint8Array(capacity),
    kind: new Uint8Array(capacity),
    age: new Uint8Array(capacity),
    yearsServed: new Uint8Array(capacity),
    local: new Uint8Array(capacity),
    skill: new Float32Array(capacity),
  };
}
