// The real kernel as a scenario runner: kernel_runner.py (stdlib Python, run as root) answers a whole
// batch of scenarios in ONE process, in the same shape as src/scenarios/runner.ts. Its mounts live
// in a private mount namespace under a temp dir of ours, and are taken down before it exits.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Scenario, ScenarioResult } from '../../src/scenarios/runner';

const PYTHON = '/usr/bin/python3';
const RUNNER = resolve(__dirname, 'kernel_runner.py');

/**
 * runOnKernel runs scenarios on a real overlayfs mount and returns one result per scenario.
 * @example runOnKernel([{ id: 'x', lowers_compact: [{ a: 'A' }], ops: [{ op: { op: 'read', path: 'a' } }] }])
 */
export function runOnKernel(scenarios: Scenario[]): ScenarioResult[] {
  const base = mkdtempSync(join(tmpdir(), 'layerlab-kernel-'));
  try {
    const child = spawnSync(PYTHON, [RUNNER, '--base', base, '-'], {
      input: JSON.stringify({ scenarios }), encoding: 'utf8', maxBuffer: 512 * 1024 * 1024,
    });
    if (child.status !== 0) throw new Error(`kernel_runner.py failed (${child.status ?? child.signal}): ${child.stderr || child.error}`);
    return (JSON.parse(child.stdout) as { results: ScenarioResult[] }).results;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/**
 * whyNoKernel: why this machine cannot run scenarios on the real kernel, or undefined when it can
 * (Linux, root, /usr/bin/python3, and a probe overlay mount that works).
 * @example const reason = whyNoKernel(); if (reason) console.log(`skipping: ${reason}`);
 */
export function whyNoKernel(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux';
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not root';
  if (!existsSync(PYTHON)) return `${PYTHON} is missing`;
  try {
    const [probe] = runOnKernel([{ id: 'probe', lowers_compact: [{ a: 'A' }], ops: [{ op: { op: 'read', path: 'a' } }] }]);
    if (probe.mount_result !== 'ok') return `overlay mount not permitted (${probe.mount_result})`;
  } catch (error) {
    return `overlay mount not permitted (${(error as Error).message})`;
  }
  return undefined;
}
