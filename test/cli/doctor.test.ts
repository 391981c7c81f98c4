import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/cli/commands/doctor';

describe('layerlab doctor', () => {
  const checks = diagnose();

  it('checks Node.js, Jupyter and the tools the tests use', () => {
    expect(checks.map((c) => c.what)).toEqual(['node', 'jupyter', 'umoci', 'skopeo', 'getfattr', 'tar', 'zstd', 'chromium']);
  });

  it('passes the Node.js check on the Node that runs these tests (package.json asks for >= 20)', () => {
    expect(checks[0]).toMatchObject({ what: 'node', ok: true, detail: process.versions.node, required: true });
  });

  it('says how to fix every check that fails', () => {
    for (const check of checks.filter((c) => !c.ok)) expect(check.fix).toMatch(/install/);
  });
});
