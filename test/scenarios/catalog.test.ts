// Replays every scenario recorded on a real kernel (../shared/spec/overlay-scenarios.json) through
// the simulation and judges it by the catalog's own rules. None is skipped or special-cased.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared, sharedPath } from '../helpers/shared';
import { runScenario, Scenario } from '../../src/scenarios/runner';
import { judgeScenario, KernelScenario } from '../../src/scenarios/judge';

const available = haveShared('the kernel scenario catalog');
const catalog: (Scenario & KernelScenario)[] = available
  ? JSON.parse(readFileSync(sharedPath('spec/overlay-scenarios.json'), 'utf8')).scenarios
  : [];

describe.skipIf(!available)('the kernel scenario catalog', () => {
  it('holds the 90 scenarios the spec promises', () => {
    expect(catalog).toHaveLength(90);
  });

  it.each(catalog.map((scenario) => [scenario.id, scenario] as const))('%s behaves as on the real kernel', (_id, scenario) => {
    const problems = judgeScenario(scenario, runScenario(scenario));
    expect(problems).toEqual([]);
  });
});
