// Every lesson notebook (notebooks/*.ipynb and notebooks/zh/*.ipynb) must run top to bottom with
// the project's tslab kernel: no error, nothing on stderr, no silent cell (see scripts/run-notebook.py).
// A new notebook is picked up here without editing this file.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveJupyter, repoRoot } from './jupyter';
import { runNotebook } from './runner';

function lessons(): string[] {
  return ['notebooks', 'notebooks/zh'].flatMap((dir) => {
    const full = join(repoRoot, dir);
    if (!existsSync(full)) return [];
    return readdirSync(full).filter((name) => name.endsWith('.ipynb')).sort().map((name) => `${dir}/${name}`);
  });
}

const found = lessons();
if (found.length === 0) console.log('skipping the lesson notebooks: there are none in notebooks/ yet');

describe.skipIf(found.length === 0 || !haveJupyter('the lesson notebooks'))('lesson notebooks', () => {
  it.each(found)('%s runs without errors, stderr or silent cells', (notebook) => {
    const { report } = runNotebook(join(repoRoot, notebook), { timeoutSeconds: 300 });
    const failures = report.cells.filter((cell) => cell.ok === false).map((cell) => `cell ${cell.index}: ${cell.reason}`);
    expect(report.error).toBeNull();
    expect(failures).toEqual([]);
    expect(report.ok).toBe(true);
  }, 600_000);
});
