// Running import-child.ts from the benchmark: one fresh node process per import, its report parsed.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { ChildReport } from './import-child';

export type { ChildReport } from './import-child';

const REPO = resolve(__dirname, '../..');
const CHILD = join(__dirname, 'import-child.ts');

/**
 * importInChild imports `archive` (verify: true) in a new `node --expose-gc --import tsx` process and
 * returns its report; rejects with the child's message when the import failed.
 * @example const { ms, peakBytes } = await importInChild('/tmp/save.tar')
 */
export function importInChild(archive: string): Promise<ChildReport> {
  const args = ['--expose-gc', '--import', 'tsx', CHILD, archive];
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: REPO, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`layerlab's import failed: ${String(stderr).trim() || error.message}`));
      done(JSON.parse(String(stdout).trim().split('\n').pop()!) as ChildReport);
    });
  });
}
