// The real executable, as `npx layerlab` runs it: a separate node process going through tsx.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

function layerlab(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'bin/layerlab.mjs'), ...args], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bin/layerlab.mjs', () => {
  it('is the package bin and prints the version with no build step', () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(manifest.bin.layerlab).toBe('bin/layerlab.mjs');
    expect(layerlab('--version')).toEqual({ status: 0, stdout: `layerlab ${manifest.version}\n`, stderr: '' });
  });

  it('exits 2 with exactly one line on stderr for an unknown command', () => {
    const { status, stdout, stderr } = layerlab('frobnicate');
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      "layerlab: unknown command 'frobnicate'; run 'layerlab --help' for the list of commands.",
    ]);
  });
});
