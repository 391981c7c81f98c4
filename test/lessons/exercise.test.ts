// Exercises print PASS or FAIL: <reason> with a folded hint, in one display call, and never throw.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Shown, setDisplaySink, show } from '../../src/lessons/display';
import { checkAll, exercise, fail, pass, runAllChecks } from '../../src/lessons/exercise';
import { defineLesson, resetLesson } from '../../src/lessons/lesson';
import { explain, explanation } from '../../src/lessons/explain';

let shown: Shown[] = [];
beforeEach(() => { shown = []; setDisplaySink((s) => shown.push(s)); });
afterEach(() => { setDisplaySink(undefined); delete process.env.LAYERLAB_LANG; });

describe('exercise', () => {
  it('shows its task once when declared', () => {
    defineLesson('t-task', () => ({}));
    exercise<string>({ id: 'e', task: 'Name the top layer.', hint: 'h', check: () => true });
    expect(shown.map((s) => s.text)).toEqual(['Exercise e. Name the top layer.']);
  });

  it('prints PASS for a right answer, in one display call', () => {
    defineLesson('t-pass', () => ({}));
    const ex = exercise<string>({ id: 'e', task: 't', hint: 'h', check: (a) => (a === 'upper' ? pass() : fail('no')) });
    ex.answer = 'upper';
    shown = [];
    ex.check();
    expect(shown).toHaveLength(1);
    expect(shown[0].text).toBe('PASS (e)');
    expect(shown[0].html).not.toContain('<details>');
  });

  it.each([
    ['no answer', undefined, /^FAIL: no answer yet/],
    ['a wrong answer', 'lower', /^FAIL: look at the leftmost entry$/m],
    ['an answer that makes the check throw', 'throw', /^FAIL: checking your answer raised an error: ENOENT: no such file$/m],
  ])('prints FAIL politely for %s, with the hint folded in <details>', (_, answer, expected) => {
    defineLesson('t-fail', () => ({}));
    const ex = exercise<string>({ id: 'e', task: 't', hint: 'Read <the> diagram', check: (a) => {
      if (a === 'throw') throw Object.assign(new Error('ENOENT: no such file\n    at somewhere (file.ts:1:1)'), { code: 'ENOENT' });
      return a === 'upper' ? pass() : fail('look at the leftmost entry');
    } });
    ex.answer = answer;
    shown = [];
    expect(() => ex.check()).not.toThrow();
    expect(shown[0].text).toMatch(expected);
    expect(shown[0].text).not.toMatch(/\bat .*:\d+:\d+/);
    expect(shown[0].html).toContain('<details><summary>Hint</summary>Read &lt;the&gt; diagram</details>');
  });

  it('speaks Chinese in the zh edition', () => {
    process.env.LAYERLAB_LANG = 'zh';
    defineLesson('t-zh', () => ({}));
    const ex = exercise<string>({ id: 'e', task: { en: 'Task', zh: '题目' }, hint: { en: 'Hint', zh: '提示内容' }, check: () => fail({ en: 'wrong', zh: '不对' }) });
    ex.answer = 'x';
    ex.check();
    expect(shown.map((s) => s.text)).toEqual(['练习 e. 题目', 'FAIL: 不对\n提示: 提示内容']);
  });
});

describe('runAllChecks and resetLesson', () => {
  it('summarises every exercise of the lesson in declaration order', () => {
    defineLesson('t-summary', () => ({}));
    const a = exercise<number>({ id: 'a', task: 't', hint: 'h', check: (n) => n === 1 });
    exercise<number>({ id: 'b', task: 't', hint: 'h', check: (n) => n === 2 });
    a.answer = 1;
    expect(checkAll()).toEqual([{ id: 'a', ok: true }, { id: 'b', ok: false, reason: 'no answer yet: fill in the answer cell below the task and run it' }]);
    shown = [];
    runAllChecks();
    expect(shown).toHaveLength(1);
    expect(shown[0].text.split('\n')[0]).toBe('t-summary: 1 of 2 exercises pass');
    expect(shown[0].html.match(/<tr class="ll-(pass|fail)">/g)).toEqual(['<tr class="ll-pass">', '<tr class="ll-fail">']);
  });

  it('refills the same state object from the setup and clears the answers', () => {
    let made = 0;
    const state = defineLesson('t-reset', () => ({ run: ++made, items: [] as string[] }));
    state.items.push('changed');
    const ex = exercise<number>({ id: 'a', task: 't', hint: 'h', check: () => true });
    ex.answer = 5;
    resetLesson();
    expect(state).toEqual({ run: 2, items: [] });
    expect(ex.answer).toBeUndefined();
    expect(shown[shown.length - 1].text).toBe('Lesson t-reset is back at its start (1 exercise answer cleared).');
  });
});

describe('explain', () => {
  it('renders markdown and escapes the data after rendering', () => {
    const out = explanation('File **{{name}}** in `{{dir}}`', { name: '<script>alert(1)</script>', dir: 'a_b_c*' });
    expect(out.html).toBe('<p>File <strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong> in <code>a_b_c*</code></p>\n');
    expect(out.text).toBe('File **<script>alert(1)</script>** in `a_b_c*`');
  });

  it('joins arrays and shows one display call', () => {
    explain('names: {{names}}', { names: ['a', 'b'] });
    expect(shown).toEqual([{ html: '<p>names: a, b</p>\n', text: 'names: a, b' }]);
  });

  it('prints the text form outside the kernel when no sink is set', () => {
    setDisplaySink(undefined);
    const logged: unknown[] = [];
    const original = console.log;
    console.log = (...args: unknown[]) => { logged.push(args.join(' ')); };
    try { show({ html: '<b>x</b>', text: 'x as text' }); } finally { console.log = original; }
    expect(logged).toEqual(['x as text']);
  });
});
