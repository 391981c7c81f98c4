// What the lesson measurements read from a run-notebook.py report: the time from starting the
// kernel to the first cell that showed something, and the slowest cell after the import cell.
// Plain functions of the report, so they are tested without Jupyter.
import type { CellReport, NotebookReport } from '../../test/notebooks/runner';

/** CellTiming: one code cell of the runner's report (scripts/run-notebook.py), typed once in test/notebooks/runner.ts. */
export type CellTiming = CellReport;

/** LessonReport: the parts of the runner's JSON report used here. */
export type LessonReport = Pick<NotebookReport, 'ok' | 'kernel_seconds' | 'error' | 'cells'>;

/** LessonTimings: milliseconds, with the cell they belong to; `problem` when the run was not clean. */
export interface LessonTimings {
  firstOutputMs?: number;
  firstOutputCell?: number;
  slowest?: { index: number; id: string | null; ms: number };
  cellsTimed: number;
  problem?: string;
}

/**
 * lessonTimings: kernel start-up plus every cell up to and including the first one with output
 * (the runner times whole cells, so "first output" is when that cell finished), and the slowest
 * cell that ran, leaving out the import cell.
 * @example lessonTimings({ ok: true, kernel_seconds: 4, error: null, cells: [cell(1, 19, ['display_data']), cell(3, 0.2, ['stream'])] }, 1)
 * // { firstOutputMs: 23000, firstOutputCell: 1, slowest: { index: 3, id: null, ms: 200 }, cellsTimed: 1 }
 */
export function lessonTimings(report: LessonReport, importCell: number | undefined): LessonTimings {
  if (report.kernel_seconds === null) return { cellsTimed: 0, problem: `the notebook could not run: ${report.error ?? 'no kernel'}` };
  const ran = report.cells.filter((c) => c.ok !== null && c.reason !== 'empty cell, not run');
  const out: LessonTimings = { cellsTimed: 0, ...firstOutput(report.kernel_seconds, ran) };
  const timed = ran.filter((c) => c.index !== importCell);
  out.cellsTimed = timed.length;
  const slowest = timed.reduce<CellTiming | undefined>((a, c) => (a === undefined || c.seconds > a.seconds ? c : a), undefined);
  if (slowest) out.slowest = { index: slowest.index, id: slowest.id, ms: Math.round(slowest.seconds * 1000) };
  const failed = report.cells.find((c) => c.ok === false);
  if (failed) out.problem = `cell ${failed.index} failed (${failed.reason}); the cells after it did not run`;
  return out;
}

function firstOutput(kernelSeconds: number, ran: CellTiming[]): Pick<LessonTimings, 'firstOutputMs' | 'firstOutputCell'> {
  let seconds = kernelSeconds;
  for (const cell of ran) {
    seconds += cell.seconds;
    if (cell.output_types.length > 0) return { firstOutputMs: Math.round(seconds * 1000), firstOutputCell: cell.index };
  }
  return {};
}
