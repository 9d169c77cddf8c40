/**
 * The engine policy API the site's tools need that the `kubelife` package root does not export yet
 * (planUpgradePath, skewRanges, checkComponentSkew, newestMinors, releaseCatalog; checkUpgradePolicy
 * is exported). They are pure core modules; once the engine re-exports them from its root, replace
 * these paths with `from 'kubelife'` and delete this file. This is the one place that reaches into
 * the engine's sources, on purpose.
 */
export { releaseCatalog } from '../engine/src/model/release-catalog.ts';
export { newestMinors } from '../engine/src/model/releases.ts';
export { planUpgradePath, type PlanStep } from '../engine/src/policy/upgrade-path.ts';
export { checkUpgradePolicy } from '../engine/src/policy/upgrade-policy.ts';
export { checkComponentSkew, skewRanges } from '../engine/src/policy/skew.ts';
