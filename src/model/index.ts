/**
 * Poverty Loop's model: pure TypeScript, no DOM, no worker, no Node API.
 * The browser worker, the CLI and the tests all drive it through this module.
 */
export * from './i18n';
export * from './params/registry';
export * from './params/textZh';
export * from './levers/registry';
export * from './levers/costZh';
export * from './indicators';
export * from './indicatorsZh';
export * from './scenario/types';
export * from './scenario/errors';
export * from './scenario/jsonChecker';
export * from './scenario/parse';
export * from './scenario/jsonSchema';
export * from './region/presets';
export * from './simulation';
export { skipWarmUp } from './warmup';
export * from './output/tidy';
export { ModelHealthError } from './health';
export { STATUS } from './state/households';
export { PROFESSIONS } from './state/professionals';
export { LASTING_EXIT_YEARS } from './systems/indicators';
