// The lessons suite: every lesson notebook run through Jupyter with the project's tslab kernel, as a
// student would run it top to bottom. Recorded per lesson: kernel start to first output, and the
// slowest cell after the import cell (the target: every cell under a second); then the
// slowest cell of all lessons. --quick and a machine without Jupyter skip the runs, saying why.
import { resolve } from 'node:path';
import type { Measurement, Reference } from '../harness/record';
import { measurement } from '../harness/record';
import { busyNote } from '../harness/machine';
import type { Suite, SuiteContext } from '../harness/suite';
import { jupyterSetup, runLesson } from './jupyter';
import { importCellIndex, lessonName, lessonNotebooks, readNotebook } from './notebooks';
import { lessonTimings, type LessonTimings } from './timings';

const NOTEBOOKS = resolve(__dirname, '../../notebooks');

/** CELL_TARGET_MS: the target for one lesson cell. */
export const CELL_TARGET_MS = 1000;

/** SLOWEST_OVERALL: the name of the record that sums the lessons up. */
export const SLOWEST_OVERALL = 'lessons.slowest-cell';

/**
 * lessonsSuite: the lesson notebook measurements.
 * @example const records = await lessonsSuite.run(context)
 */
export const lessonsSuite: Suite = {
  name: 'lessons',
  run: (context) => runLessonsSuite(context, {
    skip: context.quick ? '--quick skips the lesson runs (each notebook takes about half a minute)' : undefined,
  }),
};

/**
 * runLessonsSuite runs the wanted lesson notebooks, or records one skipped measurement with the
 * reason (`skip`, or Jupyter missing).
 * @example await runLessonsSuite(context, { skip: 'testing' })  // [{ name: 'lessons.slowest-cell', reference: { skipped: 'testing' }, … }]
 */
export async function runLessonsSuite(context: SuiteContext, { skip, dir = NOTEBOOKS }: { skip?: string; dir?: string } = {}): Promise<Measurement[]> {
  const notebooks = lessonNotebooks(dir).filter((path) => wantedLesson(context, lessonName(path)));
  if (notebooks.length === 0) return [];
  const setup = skip === undefined ? jupyterSetup() : { ok: false as const, reason: skip };
  if (!setup.ok) return context.wanted(SLOWEST_OVERALL) ? [skippedRecord(setup.reason, notebooks.length)] : [];
  const out: Measurement[] = [];
  const slowest: { lesson: string; timings: LessonTimings }[] = [];
  for (const notebook of notebooks) {
    const lesson = lessonName(notebook);
    context.log(`lessons.*.${lesson}: running ${notebook} in Jupyter`);
    const timings = await timeLesson(setup, notebook);
    out.push(...lessonRecords(context, lesson, timings));
    slowest.push({ lesson, timings });
  }
  if (context.wanted(SLOWEST_OVERALL)) out.push(overallRecord(slowest));
  return out;
}

async function timeLesson(setup: { python: string; jupyterPath: string }, notebook: string): Promise<LessonTimings> {
  try {
    return lessonTimings(await runLesson(setup, notebook), importCellIndex(readNotebook(notebook)));
  } catch (error) {
    return { cellsTimed: 0, problem: (error as Error).message };
  }
}

function wantedLesson(context: SuiteContext, lesson: string): boolean {
  return [`lessons.first-output.${lesson}`, `lessons.slowest-cell.${lesson}`, SLOWEST_OVERALL].some(context.wanted);
}

function lessonRecords(context: SuiteContext, lesson: string, t: LessonTimings): Measurement[] {
  const notes = [...(t.problem ? [t.problem] : []), ...busy()];
  const inputs = { notebook: `notebooks/${lesson}.ipynb`, kernel: 'tslab', cellsTimed: t.cellsTimed };
  const out: Measurement[] = [];
  const first = `lessons.first-output.${lesson}`;
  if (context.wanted(first)) {
    out.push(measurement({
      name: first, inputs: { ...inputs, firstOutputCell: t.firstOutputCell ?? 'none', timed: 'kernel start-up, then every cell up to and including the first with output (whole cells)' },
      layerlab: ms(t.firstOutputMs), reference: { what: 'no reference', skipped: 'issue 5 sets no target for the first output; recorded for information' }, notes,
    }));
  }
  const slow = `lessons.slowest-cell.${lesson}`;
  if (context.wanted(slow)) {
    out.push(measurement({ name: slow, inputs: { ...inputs, ...cellInputs(t) }, layerlab: ms(t.slowest?.ms), reference: cellTarget(), target: 1.0, notes }));
  }
  return out;
}

function overallRecord(all: { lesson: string; timings: LessonTimings }[]): Measurement {
  const ranked = all.filter((l) => l.timings.slowest).sort((a, b) => b.timings.slowest!.ms - a.timings.slowest!.ms);
  const top = ranked[0];
  const problems = all.filter((l) => l.timings.problem).map((l) => `${l.lesson}: ${l.timings.problem}`);
  return measurement({
    name: SLOWEST_OVERALL,
    inputs: { lessons: all.length, notebook: top ? `notebooks/${top.lesson}.ipynb` : 'none', ...(top ? cellInputs(top.timings) : {}), overTarget: ranked.filter((l) => l.timings.slowest!.ms > CELL_TARGET_MS).map((l) => l.lesson).join(' ') },
    layerlab: ms(top?.timings.slowest?.ms), reference: cellTarget(), target: 1.0, notes: [...problems, ...busy()],
  });
}

function skippedRecord(reason: string, lessons: number): Measurement {
  return measurement({ name: SLOWEST_OVERALL, inputs: { lessons, ran: false }, layerlab: ms(undefined), reference: { what: cellTarget().what, skipped: reason }, target: 1.0 });
}

function cellInputs(t: LessonTimings): Record<string, number | string> {
  return t.slowest ? { cell: t.slowest.index, cellId: t.slowest.id ?? '', excluded: 'the first import cell (tslab compiles the library there)' } : { cell: 'none ran' };
}

function cellTarget(): Reference & { what: string } {
  return { what: `the target of issue 5: every lesson cell under ${CELL_TARGET_MS} ms (ratio = time / target)`, value: CELL_TARGET_MS, unit: 'ms' };
}

/** ms: a time in milliseconds; NaN (null in results.json) when nothing was measured — the record says why. */
function ms(value: number | undefined): { value: number; unit: string } {
  return { value: value ?? NaN, unit: 'ms' };
}

function busy(): string[] {
  const note = busyNote();
  return note ? [note] : [];
}
