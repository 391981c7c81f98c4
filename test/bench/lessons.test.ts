// The lessons suite's harness, without Jupyter: which notebooks are lessons, which cell is the
// import cell, how first output and the slowest cell are read from a runner report, and the record
// a skipped run leaves.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importCellIndex, lessonName, lessonNotebooks } from '../../bench/lessons/notebooks';
import { lessonTimings, type CellTiming } from '../../bench/lessons/timings';
import { runLessonsSuite, SLOWEST_OVERALL } from '../../bench/lessons/suite';
import { testContext } from './context';

const cell = (index: number, seconds: number, output_types: string[] = ['display_data'], ok: boolean | null = true): CellTiming =>
  ({ index, id: `c${index}`, ok, reason: ok === false ? 'boom' : null, seconds, output_types });

describe('lesson notebooks', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-lessons-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const name of ['02-b.ipynb', '01-a.ipynb', '01-a-student.ipynb', 'notes.md']) writeFileSync(join(dir, name), '{}');
  mkdirSync(join(dir, 'zh'));
  writeFileSync(join(dir, 'zh', '01-a.ipynb'), '{}');

  it('are the .ipynb files of the folder, sorted, without translations or student copies', () => {
    expect(lessonNotebooks(dir)).toEqual([join(dir, '01-a.ipynb'), join(dir, '02-b.ipynb')]);
    expect(lessonName(join(dir, '02-b.ipynb'))).toBe('02-b');
  });

  it('have an import cell: the first code cell that imports, after any that only set a path', () => {
    const notebook = { cells: [
      { cell_type: 'markdown', source: 'import this is prose' },
      { cell_type: 'code', source: "// the path of your archive\nconst ARCHIVE = '/tmp/x.tar';" },
      { cell_type: 'code', source: ["import { show } from './lib';\n", 'show(1)'] },
      { cell_type: 'code', source: "import { other } from './lib';" },
    ] };
    expect(importCellIndex(notebook)).toBe(2);
    expect(importCellIndex({ cells: [{ cell_type: 'code', source: 'show(1)' }] })).toBeUndefined();
  });
});

describe('lessonTimings', () => {
  it('counts kernel start-up and every cell up to the first with output, and leaves the import cell out of the slowest', () => {
    const report = { ok: true, kernel_seconds: 4, error: null, cells: [cell(1, 19, []), cell(2, 0.5), cell(4, 1.25), cell(6, 0.1)] };
    expect(lessonTimings(report, 1)).toEqual({ firstOutputMs: 23500, firstOutputCell: 2, slowest: { index: 4, id: 'c4', ms: 1250 }, cellsTimed: 3 });
  });

  it('times only cells that ran, and says which cell failed', () => {
    const report = { ok: false, kernel_seconds: 2, error: null, cells: [cell(1, 3), cell(2, 0.4, ['error'], false), cell(3, 0, [], null)] };
    const t = lessonTimings(report, 1);
    expect(t.slowest).toEqual({ index: 2, id: 'c2', ms: 400 });
    expect(t.cellsTimed).toBe(1);
    expect(t.problem).toBe('cell 2 failed (boom); the cells after it did not run');
  });

  it('has no times when the kernel never started', () => {
    expect(lessonTimings({ ok: false, kernel_seconds: null, error: 'NoSuchKernel: tslab', cells: [cell(1, 0, [], null)] }, 1))
      .toEqual({ cellsTimed: 0, problem: 'the notebook could not run: NoSuchKernel: tslab' });
  });
});

describe('the lessons suite', () => {
  it('records one skipped measurement with the reason when the runs are skipped', async () => {
    const records = await runLessonsSuite(testContext(), { skip: 'Jupyter is not installed' });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ name: SLOWEST_OVERALL, reference: { skipped: 'Jupyter is not installed' }, ratio: null, met: false, target: 1 });
    expect(Number.isNaN(records[0].layerlab.value)).toBe(true);
  });

  it('records nothing when no lesson measurement is wanted', async () => {
    expect(await runLessonsSuite(testContext({ only: ['overlay.'] }), { skip: 'unused' })).toEqual([]);
  });
});
