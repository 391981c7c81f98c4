// A lesson's state lives in ONE object made by the lesson's setup function. resetLesson() empties
// that same object and fills it again from the setup, so every cell that holds a reference to it
// sees the fresh state, and the exercises forget their answers. Setups build everything from
// fixed data on fresh disks, so a reset — or a new kernel — gives the same output as the first run.
import { show } from './display';
import { say } from './text';

/** Resettable: what the lesson needs from an exercise (see exercise.ts). */
export interface Resettable {
  readonly id: string;
  reset(): void;
}

/** LessonRecord: the current lesson: its id, setup, state object and exercises in order. */
export interface LessonRecord {
  id: string;
  setup: () => object;
  state: object;
  exercises: Map<string, Resettable>;
}

let current: LessonRecord | undefined;

/**
 * defineLesson makes `id` the current lesson, runs `setup` and returns the state object it made.
 * Defining the same lesson again (re-running the cell) keeps its registered exercises.
 * @example
 * const lab = defineLesson('my-lesson', () => ({ layers: buildLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]) }));
 * lab.layers.map((layer) => layer.name) // → [ 'base' ]
 */
export function defineLesson<S extends object>(id: string, setup: () => S): S {
  const exercises = current && current.id === id ? current.exercises : new Map<string, Resettable>();
  const state = setup();
  current = { id, setup, state, exercises };
  return state;
}

/**
 * currentLesson: the lesson defined last; a nameless one when no lesson was defined (so exercises
 * also work in a scratch notebook).
 * @example
 * defineLesson('my-lesson', () => ({}));
 * currentLesson().id // → my-lesson
 */
export function currentLesson(): LessonRecord {
  if (!current) current = { id: 'scratch', setup: () => ({}), state: {}, exercises: new Map() };
  return current;
}

/**
 * resetLesson brings the current lesson back to its start: the state object is refilled in place
 * from the setup and every exercise's answer is cleared. Shows one line saying so.
 * @example
 * const lab = defineLesson('my-counter', () => ({ clicks: 0 }));
 * lab.clicks = 5;
 * resetLesson(); // → Lesson my-counter is back at its start (0 exercise answers cleared).
 * lab.clicks // → 0
 */
export function resetLesson(): void {
  const lesson = currentLesson();
  const state = lesson.state as Record<string, unknown>;
  for (const key of Object.keys(state)) delete state[key];
  Object.assign(state, lesson.setup());
  lesson.exercises.forEach((exercise) => exercise.reset());
  const n = lesson.exercises.size;
  show(say({
    en: `Lesson ${lesson.id} is back at its start (${n} exercise answer${n === 1 ? '' : 's'} cleared).`,
    zh: `第 ${lesson.id} 课已回到起点（清除了 ${n} 个练习答案）。`,
  }));
}
