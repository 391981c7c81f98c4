// The simulation held against the real kernel: seeded random layer stacks and op sequences run
// through kernel_runner.py (a real overlayfs mount, one Python process per batch) and through
// runScenario, and every reported result must be identical (compare.ts). A disagreement is shrunk
// to a minimal scenario and printed in the runner's input format with both results.
// Disagreements already reported to the lead are listed in KNOWN_DIFFERENCES (known-differences.ts).
// Replay a run with LAYERLAB_SEED=<n> (adds that seed to the fixed ones).
import { describe, expect, it } from 'vitest';
import { runScenario, Scenario, ScenarioResult } from '../../src/scenarios/runner';
import { runOnKernel, whyNoKernel } from './kernel';
import { compareResults, Difference, signature } from './compare';
import { randomScenarios } from './random-scenarios';
import { shrink } from './shrink';
import { excusedBy, KNOWN_DIFFERENCES } from './known-differences';

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

/** unexplained: the differences of one scenario that no known difference excuses. */
function unexplained(scenario: Scenario, kernel: ScenarioResult): Difference[] {
  return compareResults(scenario, kernel, simulate(scenario)).filter((d) => !excusedBy(scenario, kernel, d));
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

  it('every KNOWN_DIFFERENCES example still disagrees (otherwise the entry is stale: delete it)', () => {
    const examples = KNOWN_DIFFERENCES.map((known) => known.example);
    const kernel = runOnKernel(examples);
    const stale = KNOWN_DIFFERENCES.filter((_, i) => compareResults(examples[i], kernel[i], simulate(examples[i])).length === 0);
    for (const known of stale) console.warn(`KNOWN_DIFFERENCES: "${known.name}" is fixed in the simulation; delete its entry.`);
    // A fixed entry is good news, not a failure; an example the kernel itself rejects would be a broken entry.
    expect(kernel.map((result) => result.mount_result)).toEqual(examples.map(() => 'ok'));
  });
});
