// The simulation held against the real kernel: seeded random layer stacks and op sequences run
// through kernel_runner.py (a real overlayfs mount, one Python process per batch) and through
// runScenario, and every reported result must be identical (compare.ts). A disagreement is shrunk
// to a minimal scenario and printed in the runner's input format with both results.
// Every disagreement it ever found is kept in regressions.ts and replayed on both sides.
// Replay a run with LAYERLAB_SEED=<n> (adds that seed to the fixed ones).
import { describe, expect, it } from 'vitest';
import { runScenario, Scenario, ScenarioResult } from '../../src/scenarios/runner';
import { runOnKernel, whyNoKernel } from './kernel';
import { compareResults, Difference, signature } from './compare';
import { randomScenarios } from './random-scenarios';
import { shrink } from './shrink';
import { REGRESSIONS } from './regressions';

const FIXED_SEEDS = [1, 2, 3, 4];
const PER_SEED = 60;
const MAX_SHRUNK = 3;
const SHRINK_BUDGET_MS = 15_000;

const envSeed = Number.parseInt(process.env.LAYERLAB_SEED ?? '', 10);
const seeds = Number.isNaN(envSeed) || FIXED_SEEDS.includes(envSeed) ? FIXED_SEEDS : [...FIXED_SEEDS, envSeed];
const reason = whyNoKernel();
if (reason) console.log(`skipping the differential test against the real kernel: ${reason}`);

/** simulate: runScenario, with a crash of the simulation reported as a result rather than thrown. */
function simulate(scenario: Scenario): ScenarioResult {
  try {
    return runScenario(scenario);
  } catch (error) {
    return { id: scenario.id, mount_result: `simulation threw: ${(error as Error).message}`, ops: [] };
  }
}

/** unexplained: the differences of one scenario between the kernel and the simulation. */
function unexplained(scenario: Scenario, kernel: ScenarioResult): Difference[] {
  return compareResults(scenario, kernel, simulate(scenario));
}

/** minimal: shrink a disagreement, in batches that each take one kernel run. */
function minimal(scenario: Scenario, kind: string): Scenario {
  return shrink(scenario, (batch) => {
    const kernel = runOnKernel(batch);
    // A reduction can break the scenario itself (drop a hard link's target): the kernel runner
    // then cannot build it (ERUNNER), and such a candidate shows nothing about the overlay.
    return batch.findIndex((candidate, i) => kernel[i].mount_result !== 'ERUNNER' && signature(unexplained(candidate, kernel[i])) === kind);
  }, Date.now() + SHRINK_BUDGET_MS);
}

function report(scenario: Scenario): string {
  const [kernel] = runOnKernel([scenario]);
  const simulation = simulate(scenario);
  return [
    `minimal scenario (runner input): ${JSON.stringify({ scenarios: [scenario] })}`,
    `kernel:     ${JSON.stringify(kernel)}`,
    `simulation: ${JSON.stringify(simulation)}`,
    `differences: ${JSON.stringify(compareResults(scenario, kernel, simulation))}`,
  ].join('\n');
}

describe.skipIf(reason !== undefined)('the simulation against the real kernel', () => {
  it.each(seeds)(`seed %i: ${PER_SEED} random scenarios give the kernel's results`, (seed) => {
    const scenarios = randomScenarios(seed, PER_SEED);
    const kernel = runOnKernel(scenarios);
    const failing = scenarios
      .map((scenario, i) => ({ scenario, differences: unexplained(scenario, kernel[i]) }))
      .filter(({ differences }) => differences.length > 0);
    const reports = failing.slice(0, MAX_SHRUNK).map(({ scenario, differences }) => report(minimal(scenario, signature(differences))));
    if (reports.length > 0) console.log(`seed ${seed}: ${failing.length} scenario(s) disagree (${failing.map((f) => f.scenario.id).join(', ')})\n${reports.join('\n\n')}`);
    expect(failing.map(({ scenario, differences }) => `${scenario.id}: ${signature(differences)}`)).toEqual([]);
  });

  it('every disagreement found so far (regressions.ts) now gives the kernel\'s results', () => {
    const scenarios = REGRESSIONS.map(({ scenario }) => scenario);
    const kernel = runOnKernel(scenarios);
    expect(kernel.map((result) => result.mount_result)).toEqual(scenarios.map(() => 'ok'));
    const differing = scenarios.filter((scenario, i) => unexplained(scenario, kernel[i]).length > 0);
    if (differing.length > 0) console.log(differing.map(report).join('\n\n'));
    expect(differing.map((scenario) => scenario.id)).toEqual([]);
  });
});
