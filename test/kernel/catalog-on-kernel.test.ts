// Is kernel_runner.py a faithful reference? It must reproduce, on this machine's real kernel, every
// scenario the catalog recorded (../shared/spec/overlay-scenarios.json), judged by the same rules
// as the simulation (src/scenarios/judge.ts). Only then are its answers worth differential tests.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveShared, sharedPath } from '../helpers/shared';
import { judgeScenario, KernelScenario } from '../../src/scenarios/judge';
import type { Scenario } from '../../src/scenarios/runner';
import { runOnKernel, whyNoKernel } from './kernel';

const available = haveShared('the kernel runner against the catalog');
const reason = available ? whyNoKernel() : 'no catalog';
if (available && reason) console.log(`skipping the kernel runner against the catalog: ${reason}`);

describe.skipIf(reason !== undefined)('kernel_runner.py on the real kernel', () => {
  // vitest still runs a skipped suite's body to collect its tests: read and run nothing then.
  const catalog: (Scenario & KernelScenario)[] = reason === undefined ? JSON.parse(readFileSync(sharedPath('spec/overlay-scenarios.json'), 'utf8')).scenarios : [];
  const results = reason === undefined ? runOnKernel(catalog) : [];

  it('answers every catalog scenario', () => {
    expect(results.map((result) => result.id)).toEqual(catalog.map((scenario) => scenario.id));
  });

  it.each(catalog.map((scenario, i) => [scenario.id, i] as const))('%s reproduces what the catalog recorded', (_id, i) => {
    expect(judgeScenario(catalog[i], results[i])).toEqual([]);
  });
});
