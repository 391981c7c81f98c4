// Lesson 8 reads whatever `docker save` archive the student names in its first cell (or in
// LAYERLAB_ARCHIVE). Its exercises compute their answers from the loaded image, so the reference
// solutions must PASS for a real archive too: here, dive's test image (a genuine Docker 18.09
// save with 14 layers and two whiteouts), read from the shared fixtures, never copied.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { haveJupyter, jupyterSetup, repoRoot } from '../notebooks/jupyter';
import { haveShared, sharedPath } from '../helpers/shared';

const FIXTURE = ['fixtures', 'dive', 'data', 'test-docker-image.tar'];
const fixturePresent = haveShared('lesson 8 against a real archive') && existsSync(sharedPath(...FIXTURE));

describe.skipIf(!fixturePresent || !haveJupyter('lesson 8 against a real archive'))('08-real-image with a real docker save archive', () => {
  it('reads the archive named in LAYERLAB_ARCHIVE and every check prints PASS', () => {
    const setup = jupyterSetup();
    if (setup.ok === false) throw new Error('Jupyter is not set up');
    mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
    const dir = mkdtempSync(join(repoRoot, 'test-artifacts', 'real-image-'));
    try {
      const args = [join(repoRoot, 'scripts/run-notebook.py'), join(repoRoot, 'notebooks/08-real-image.ipynb'),
        '--report', join(dir, 'r.json'), '--save-executed', join(dir, 'out.ipynb'), '--timeout', '300'];
      spawnSync(setup.python, args, { encoding: 'utf8', env: { ...process.env, LAYERLAB_ARCHIVE: sharedPath(...FIXTURE) } });
      const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
      expect(report.cells.filter((c: { ok: boolean }) => c.ok !== true)).toEqual([]);
      const cells = JSON.parse(readFileSync(join(dir, 'out.ipynb'), 'utf8')).cells as { id: string; metadata: any; outputs: any[] }[];
      const textOf = (id: string) => JSON.stringify(cells.find((c) => c.id === id)?.outputs ?? []);
      // The image ID and layer count PROVENANCE.md records for this archive.
      expect(textOf('setup')).toContain('75ae28b8ebf8');
      expect(textOf('setup')).toContain('14');
      for (const cell of cells.filter((c) => c.metadata?.nbgrader?.grade === true)) expect(JSON.stringify(cell.outputs)).toMatch(/PASS \(/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 600_000);
});
