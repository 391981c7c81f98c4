// The lesson notebooks as files (built from notebooks/src, both editions with the same code cells,
// committed without outputs) and as programs: with the reference solutions every check prints
// PASS; with the solutions stripped every check prints FAIL politely — no error, no traceback.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { haveJupyter, jupyterSetup, repoRoot } from '../notebooks/jupyter';

interface Cell { cell_type: string; id?: string; metadata: Record<string, any>; source: string | string[]; outputs?: any[]; execution_count?: number | null }
interface Notebook { nbformat: number; nbformat_minor: number; metadata: Record<string, any>; cells: Cell[] }

const lessons = readdirSync(join(repoRoot, 'notebooks/src')).filter((f) => /^\d\d-.*\.md$/.test(f)).map((f) => f.replace(/\.md$/, '.ipynb')).sort();
const read = (path: string): Notebook => JSON.parse(readFileSync(path, 'utf8')) as Notebook;
const text = (source: string | string[]): string => (Array.isArray(source) ? source.join('') : source);
const codeCells = (nb: Notebook) => nb.cells.filter((c) => c.cell_type === 'code');
const node = (script: string, ...args: string[]) => spawnSync(process.execPath, [join(repoRoot, 'scripts', script), ...args], { encoding: 'utf8' });

describe('lesson sources and notebooks', () => {
  it('finds lessons 1 to 8', () => {
    expect(lessons).toEqual(expect.arrayContaining(['01-layers.ipynb', '02-rootfs.ipynb', '03-union-mount.ipynb', '04-copy-on-write.ipynb',
      '05-deleting.ipynb', '06-containers.ipynb', '07-hygiene.ipynb', '08-real-image.ipynb']));
  });

  it('has committed notebooks that match their sources (npm run lessons:build --check)', () => {
    const result = node('lessons-build.mjs', '--check');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  describe.each(lessons)('%s', (name) => {
    const en = read(join(repoRoot, 'notebooks', name));
    const zh = read(join(repoRoot, 'notebooks/zh', name));

    it('has the same code cells in the same order in both editions', () => {
      const shape = (nb: Notebook) => codeCells(nb).map((c) => ({ id: c.id, metadata: c.metadata, source: text(c.source) }));
      expect(shape(zh)).toEqual(shape(en));
      expect(text(zh.cells[0].source)).not.toEqual(text(en.cells[0].source));
    });

    it.each([['en', en], ['zh', zh]] as const)('(%s) is nbformat 4.5 with unique cell ids, kernel tslab, and no outputs', (_, nb) => {
      expect([nb.nbformat, nb.nbformat_minor]).toEqual([4, 5]);
      expect(nb.metadata.kernelspec).toMatchObject({ name: 'tslab', display_name: 'TypeScript' });
      const ids = nb.cells.map((c) => c.id);
      expect(ids.every((id) => typeof id === 'string' && /^[a-zA-Z0-9-_]{1,64}$/.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
      for (const cell of codeCells(nb)) expect([cell.outputs, cell.execution_count]).toEqual([[], null]);
    });

    it('has at least three exercises, each a task, an answer with a marked solution, and a check', () => {
      const cells = codeCells(en);
      const answers = cells.filter((c) => c.metadata.nbgrader?.solution === true);
      const checks = cells.filter((c) => c.metadata.nbgrader?.grade === true);
      expect(answers.length).toBeGreaterThanOrEqual(3);
      expect(checks.length).toBe(answers.length);
      for (const cell of answers) {
        expect(text(cell.source)).toMatch(/\/\/ BEGIN SOLUTION\n[\s\S]+\n\/\/ END SOLUTION/);
        expect(cell.metadata.nbgrader).toMatchObject({ grade_id: cell.id, locked: false, schema_version: 3 });
      }
      for (const cell of checks) expect(text(cell.source)).toMatch(/^ex\d+\.check\(\)$/);
      const withSolution = cells.filter((c) => text(c.source).includes('BEGIN SOLUTION'));
      expect(withSolution).toEqual(answers);
    });

    it('imports the library only through ./lib/index (and Node builtins by their node: names)', () => {
      const imports = codeCells(en).flatMap((c) => text(c.source).match(/from '[^']+'/g) ?? []);
      expect([...new Set(imports.filter((i) => !i.startsWith("from 'node:")))]).toEqual(["from './lib/index'"]);
    });
  });
});

describe('npm run lessons:student', () => {
  mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
  const out = mkdtempSync(join(repoRoot, 'test-artifacts', 'student-copy-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes both editions without solutions, with a lib link beside each', () => {
    const result = node('lessons-student.mjs', out);
    expect(result.status).toBe(0);
    for (const dir of [out, join(out, 'zh')]) {
      expect(existsSync(join(dir, 'lib', 'index.ts'))).toBe(true);
      for (const name of lessons) {
        const nb = read(join(dir, name));
        const all = codeCells(nb).map((c) => text(c.source)).join('\n');
        expect(all).not.toMatch(/SOLUTION/);
        const answers = codeCells(nb).filter((c) => c.metadata.nbgrader?.solution === true);
        expect(answers.map((c) => text(c.source))).toEqual(answers.map(() => '// YOUR CODE HERE'));
      }
    }
  });
});

/** Runs one notebook through scripts/run-notebook.py and returns the report and the executed cells. */
function execute(path: string): { ok: boolean; failures: string[]; cells: Cell[] } {
  const setup = jupyterSetup();
  if (setup.ok === false) throw new Error(`cannot run ${path}: Jupyter is not set up`);
  const python = setup.python;
  // Inside the checkout (test-artifacts/ is git-ignored), so tslab finds node_modules above it.
  mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
  const dir = mkdtempSync(join(repoRoot, 'test-artifacts', 'run-'));
  try {
    const args = [join(repoRoot, 'scripts/run-notebook.py'), path, '--report', join(dir, 'r.json'), '--save-executed', join(dir, 'out.ipynb'), '--timeout', '300'];
    spawnSync(python, args, { encoding: 'utf8' });
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'));
    const failures = [report.error, ...report.cells.filter((c: any) => c.ok === false).map((c: any) => `${c.id}: ${c.reason}`)].filter(Boolean);
    return { ok: report.ok, failures, cells: read(join(dir, 'out.ipynb')).cells };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const shownText = (cell: Cell): string => (cell.outputs ?? []).map((o) => (o.output_type === 'stream' ? text(o.text)
  : Object.entries(o.data ?? {}).filter(([k]) => k.startsWith('text/')).map(([, v]) => text(v as string)).join('\n'))).join('\n');
/** plain: what a reader sees of an HTML output: the text without tags. */
const plain = (html: string): string => html.replace(/<[^>]*>/g, '');
const checkCells = (cells: Cell[]) => cells.filter((c) => c.cell_type === 'code' && c.metadata.nbgrader?.grade === true);
const pathsOf = (dir: string) => lessons.flatMap((name) => [join(dir, name), join(dir, 'zh', name)]);

describe.skipIf(!haveJupyter('running the lessons with and without solutions'))('lessons in Jupyter', () => {
  const student = join(repoRoot, 'test-artifacts', `student-${process.pid}`);
  mkdirSync(join(repoRoot, 'test-artifacts'), { recursive: true });
  afterAll(() => rmSync(student, { recursive: true, force: true }));

  it.each(pathsOf(join(repoRoot, 'notebooks')))('%s: every check prints PASS with the reference solutions', (path) => {
    const run = execute(path);
    expect(run.failures).toEqual([]);
    const checks = checkCells(run.cells);
    expect(checks.length).toBeGreaterThanOrEqual(3);
    for (const cell of checks) expect(plain(shownText(cell))).toMatch(/^PASS \(/);
  }, 600_000);

  it.each(pathsOf(student))('%s: without solutions every check prints FAIL politely', (path) => {
    if (!existsSync(student)) expect(node('lessons-student.mjs', student).status).toBe(0);
    const run = execute(path);
    expect(run.failures).toEqual([]);
    for (const cell of checkCells(run.cells)) {
      const shown = shownText(cell);
      expect(plain(shown)).toMatch(/^FAIL: /);
      expect(shown).toMatch(/<details><summary>/);
      expect(shown).not.toMatch(/Error|\bat .*:\d+:\d+|Traceback/);
      expect((cell.outputs ?? []).map((o) => o.output_type)).toEqual(['display_data']);
    }
  }, 600_000);
});
