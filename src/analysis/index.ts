/**
 * Shared analysis of runs (browser and command line): ensemble bands, paired comparisons,
 * designs (grid, Latin hypercube, Morris), Morris elementary effects, cost-effectiveness,
 * sweep files and the interaction of two groups of levers. Pure TypeScript: no Node API, no DOM.
 */
export * from './stats';
export * from './ensemble';
export * from './design';
export * from './morris';
export * from './costEffectiveness';
export * from './sweepFile';
export * from './sweep';
export * from './chart';
export * from './comparable';
export * from './interaction';
