// The build cases by key, for the suite and for the cold-build child process.
import { BuildCase, fiftySteps, SEED_BUILD } from './dockerfiles';

/**
 * BUILD_CASES: the cases and the targets for a first build and a rebuild from cache (ms);
 * the issue sets targets for the seed Dockerfile only.
 * @example BUILD_CASES.map((c) => c.build.key)  // ['seed', '50-steps']
 */
export const BUILD_CASES: { build: BuildCase; targetMs?: number; cachedTargetMs?: number }[] = [
  { build: SEED_BUILD, targetMs: 200, cachedTargetMs: 20 },
  { build: fiftySteps() },
];

/**
 * buildCase: the case with this key; throws on an unknown one.
 * @example buildCase('seed').steps  // 3
 */
export function buildCase(key: string): BuildCase {
  const found = BUILD_CASES.find((c) => c.build.key === key);
  if (!found) throw new Error(`unknown build case ${key}; use ${BUILD_CASES.map((c) => c.build.key).join(' or ')}`);
  return found.build;
}
