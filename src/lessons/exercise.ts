// Exercises: a task cell declares the exercise, an answer cell sets `ex.answer`, a check cell calls
// `ex.check()`, which shows `PASS` or `FAIL: <reason>` and, on FAIL, a hint folded in <details>.
// A check never throws: a missing answer, a wrong one and an answer that breaks the checker all
// end as one polite FAIL line — a student sees a sentence, never a stack trace.
import { escapeHtml } from '../render/diagram-html';
import { show } from './display';
import { currentLesson } from './lesson';
import { Text, say } from './text';

/**
 * Verdict: a check's result; `reason` says what is wrong (in the current edition's language).
 * @example
 * const verdict: Verdict = fail('the top layer is the leftmost in lowerdir=');
 * verdict // → { ok: false, reason: 'the top layer is the leftmost in lowerdir=' }
 */
export interface Verdict {
  ok: boolean;
  reason?: string;
}

/**
 * pass: the verdict for a right answer.
 * @example
 * const check = (answer: string) => (answer === 'upper' ? pass() : fail('look at the leftmost layer'));
 * check('upper') // → { ok: true }
 */
export const pass = (): Verdict => ({ ok: true });

/**
 * fail: the verdict for a wrong answer, with the reason the student will read.
 * @example
 * const check = (answer: string) => (answer === 'upper' ? pass() : fail({ en: 'look at the leftmost layer', zh: '看最左边的层' }));
 * check('base') // → { ok: false, reason: 'look at the leftmost layer' }
 */
export const fail = (reason: Text): Verdict => ({ ok: false, reason: say(reason) });

/**
 * ExerciseSpec: what `exercise()` takes; `check` gets the answer (never undefined).
 * @example
 * const spec: ExerciseSpec<string> = { id: 'top', task: 'Which layer is on top?', hint: 'lowerdir= lists it first.',
 *   check: (answer) => (answer === 'app' ? pass() : fail('look at lowerdir=')) };
 * const ex = new Exercise(spec); ex.answer = 'base';
 * ex.check(); // → FAIL: look at lowerdir=
 */
export interface ExerciseSpec<T> {
  id: string;
  task: Text;
  hint: Text;
  check: (answer: T) => Verdict | boolean;
}

const NO_ANSWER: Text = {
  en: 'no answer yet: fill in the answer cell below the task and run it',
  zh: '还没有答案：请在题目下方的答案单元格中作答并运行它',
};

/**
 * Exercise: one task with its check; set `answer` in the answer cell.
 * @example
 * const ex = new Exercise<number>({ id: 'count', task: 'How many layers?', hint: 'Count the columns.', check: (n) => n === 3 });
 * ex.answer = 2;
 * ex.verdict() // → { ok: false, reason: 'not yet right' }
 */
export class Exercise<T> {
  answer: T | undefined = undefined;
  readonly id: string;

  constructor(private readonly spec: ExerciseSpec<T>) {
    this.id = spec.id;
  }

  /** verdict runs the check without showing anything; it never throws. */
  verdict(): Verdict {
    if (this.answer === undefined) return fail(NO_ANSWER);
    try {
      const result = this.spec.check(this.answer);
      return typeof result === 'boolean' ? (result ? pass() : fail({ en: 'not yet right', zh: '还不对' })) : result;
    } catch (error) {
      return fail({ en: `checking your answer raised an error: ${messageOf(error)}`, zh: `检查答案时出错：${messageOf(error)}` });
    }
  }

  /** check shows `PASS` or `FAIL: <reason>` with the hint folded underneath (one display call). */
  check(): void {
    const verdict = this.verdict();
    const line = verdict.ok ? `PASS (${this.id})` : `FAIL: ${verdict.reason}`;
    const hintLabel = say({ en: 'Hint', zh: '提示' });
    const hint = say(this.spec.hint);
    show({
      html: `<p class="ll-${verdict.ok ? 'pass' : 'fail'}"><b>${escapeHtml(line)}</b></p>`
        + (verdict.ok ? '' : `<details><summary>${hintLabel}</summary>${escapeHtml(hint)}</details>`),
      text: verdict.ok ? line : `${line}\n${hintLabel}: ${hint}`,
    });
  }

  /** showTask shows the task (the task cell does this when it declares the exercise). */
  showTask(): void {
    const title = say({ en: `Exercise ${this.id}`, zh: `练习 ${this.id}` });
    const task = say(this.spec.task);
    show({ html: `<p><b>${escapeHtml(title)}.</b> ${escapeHtml(task)}</p>`, text: `${title}. ${task}` });
  }

  /** reset forgets the answer (resetLesson calls it). */
  reset(): void {
    this.answer = undefined;
  }
}

/** messageOf: an error as one line, `CODE: message` for Node-style errors, never a stack. */
function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0];
  return String(error);
}

/**
 * exercise declares an exercise in the current lesson, shows its task and returns it. Declaring
 * the same id again (re-running the task cell) replaces the old one.
 * @example
 * const ex1 = exercise<string>({ id: 'which-layer', task: 'Which layer answers for /etc/motd?',
 *   hint: 'Look at the diagram.', check: (a) => a === 'upper' }); // → Exercise which-layer. Which layer answers for /etc/motd?
 * ex1.answer = 'upper';
 * ex1.check(); // → PASS (which-layer)
 */
export function exercise<T>(spec: ExerciseSpec<T>): Exercise<T> {
  const made = new Exercise(spec);
  currentLesson().exercises.set(spec.id, made);
  made.showTask();
  return made;
}

/**
 * CheckRow: one line of the teacher summary.
 * @example
 * defineLesson('rows-demo', () => ({}));
 * const ex = exercise<number>({ id: 'sum', task: 'One plus one?', hint: 'Count.', check: (n) => n === 2 }); // → Exercise sum. One plus one?
 * ex.answer = 2;
 * const rows: CheckRow[] = checkAll();
 * rows // → [ { id: 'sum', ok: true } ]
 */
export interface CheckRow {
  id: string;
  ok: boolean;
  reason?: string;
}

/**
 * checkAll runs every exercise of the current lesson, in the order they were declared.
 * @example
 * defineLesson('check-demo', () => ({}));
 * exercise<string>({ id: 'top', task: 'Which layer is on top?', hint: 'Look left.', check: (a) => a === 'upper' }); // → Exercise top.
 * checkAll().map((row) => `${row.id}: ${row.ok ? 'PASS' : row.reason}`) // → top: no answer yet
 */
export function checkAll(): CheckRow[] {
  const rows: CheckRow[] = [];
  currentLesson().exercises.forEach((ex) => {
    if (ex instanceof Exercise) rows.push({ id: ex.id, ...ex.verdict() });
  });
  return rows;
}

/**
 * runAllChecks shows the teacher summary: every exercise with PASS or FAIL and why, and the total.
 * @example
 * defineLesson('my-checks', () => ({}));
 * const ex1 = exercise<number>({ id: 'count', task: 'How many layers?', hint: 'Count the columns.', check: (n) => n === 3 });
 * ex1.answer = 2;
 * runAllChecks(); // → my-checks: 0 of 1 exercises pass
 */
export function runAllChecks(): void {
  const rows = checkAll();
  const passed = rows.filter((row) => row.ok).length;
  const heading = say({ en: `${currentLesson().id}: ${passed} of ${rows.length} exercises pass`, zh: `${currentLesson().id}：${rows.length} 个练习中通过 ${passed} 个` });
  const cells = rows.map((row) => [row.id, row.ok ? 'PASS' : 'FAIL', row.reason ?? '']);
  const width = Math.max(2, ...cells.map((c) => c[0].length));
  const html = `<p><b>${escapeHtml(heading)}</b></p><table class="ll-summary"><tbody>`
    + cells.map((c) => `<tr class="ll-${c[1].toLowerCase()}">${c.map((v) => `<td>${escapeHtml(v)}</td>`).join('')}</tr>`).join('')
    + '</tbody></table>';
  const text = [heading, ...cells.map((c) => `${c[0].padEnd(width)}  ${c[1]}${c[2] ? `  ${c[2]}` : ''}`)].join('\n');
  show({ html, text });
}
