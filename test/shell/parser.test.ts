import { describe, expect, it } from 'vitest';
import type { List, SimpleCommand, WordPart } from '../../src/shell/ast';
import { isShellSyntaxError, ShellSyntaxError } from '../../src/shell/errors';
import { Parser } from '../../src/shell/parser';

function parseAll(source: string, ampersandRedirect = true): List[] {
  const parser = new Parser(source, ampersandRedirect);
  const lists: List[] = [];
  for (let list = parser.nextCommand(); list; list = parser.nextCommand()) lists.push(list);
  return lists;
}

function firstSimple(source: string): SimpleCommand {
  const command = parseAll(source)[0].items[0].first.commands[0];
  if (command.kind !== 'simple') throw new Error('expected a simple command');
  return command;
}

function syntaxError(source: string): ShellSyntaxError {
  try {
    parseAll(source);
  } catch (error) {
    if (isShellSyntaxError(error)) return error;
    throw error;
  }
  throw new Error(`no syntax error in ${source}`);
}

describe('quoting', () => {
  it('keeps single-quoted text literal, including $ and backslashes', () => {
    expect(firstSimple(`echo '$HOME \\n'`).words[1].parts).toEqual([{ kind: 'text', text: '$HOME \\n', quoted: true }]);
  });

  it('expands parameters inside double quotes but marks them quoted', () => {
    const parts = firstSimple('echo "a $B c"').words[1].parts;
    expect(parts).toEqual([
      { kind: 'text', text: 'a ', quoted: true },
      { kind: 'param', name: 'B', quoted: true },
      { kind: 'text', text: ' c', quoted: true },
    ]);
  });

  it('treats a backslash outside quotes as quoting the next character', () => {
    expect(firstSimple('echo a\\ b').words.length).toBe(2);
    expect(firstSimple('echo a\\ b').words[1].parts).toEqual([
      { kind: 'text', text: 'a', quoted: false },
      { kind: 'text', text: ' ', quoted: true },
      { kind: 'text', text: 'b', quoted: false },
    ]);
  });

  it('inside double quotes a backslash only escapes $ ` " \\ and newline', () => {
    expect(firstSimple('echo "\\$x \\n"').words[1].parts).toEqual([{ kind: 'text', text: '$x \\n', quoted: true }]);
  });

  it('keeps "" as an empty word', () => {
    expect(firstSimple('echo ""').words[1].parts).toEqual([{ kind: 'text', text: '', quoted: true }]);
  });

  it('parses ${VAR:-default} with its argument as a word', () => {
    const part = firstSimple('echo ${A:-x y}').words[1].parts[0] as Extract<WordPart, { kind: 'param' }>;
    expect(part).toMatchObject({ kind: 'param', name: 'A', op: ':-' });
    expect(part.arg).toEqual([{ kind: 'text', text: 'x y', quoted: false }]);
  });

  it('keeps the source of $( ) and backquotes for later', () => {
    const parts = firstSimple('echo $(cat "a b") `date`').words.slice(1).map((w) => w.parts[0]);
    expect(parts).toEqual([
      { kind: 'command', source: 'cat "a b"', quoted: false },
      { kind: 'command', source: 'date', quoted: false },
    ]);
  });

  it('joins lines ending in a backslash', () => {
    expect(firstSimple('apt-get install \\\n  curl').words.map((w) => w.raw)).toEqual(['apt-get', 'install', 'curl']);
  });

  it('drops comments', () => {
    expect(parseAll('echo a # not this\n# nor this')).toHaveLength(1);
    expect(firstSimple('echo a#b').words[1].raw).toBe('a#b'); // # only starts a comment at a word start
  });
});

describe('operators', () => {
  it('builds and-or lists and pipelines', () => {
    const [list] = parseAll('a | b && ! c || d; e');
    expect(list.items).toHaveLength(2);
    const andOr = list.items[0];
    expect(andOr.first.commands).toHaveLength(2);
    expect(andOr.rest.map((r) => [r.op, r.pipeline.negated])).toEqual([['&&', true], ['||', false]]);
  });

  it('reads one complete command per line', () => {
    expect(parseAll('echo 1\n\necho 2; echo 3\n')).toHaveLength(2);
  });

  it('separates assignments from words', () => {
    const command = firstSimple('A=1 B="x y" env C=2');
    expect(command.assignments.map((a) => a.name)).toEqual(['A', 'B']);
    expect(command.words.map((w) => w.raw)).toEqual(['env', 'C=2']);
  });

  it('parses if, for, while and groups', () => {
    const [list] = parseAll('if a; then b; elif c; then d; else e; fi; for x in 1 2; do f; done; while g; do h; done; { i; }; (j)');
    expect(list.items.map((i) => i.first.commands[0].kind)).toEqual(['if', 'for', 'while', 'group', 'group']);
  });
});

describe('redirections', () => {
  it('records fd, operator and target in order', () => {
    const command = firstSimple('cmd >out 2>&1 <in 2>>log');
    expect(command.redirects.map((r) => [r.fd, r.op, r.target.raw])).toEqual([
      [1, '>', 'out'], [2, '>&', '1'], [0, '<', 'in'], [2, '>>', 'log'],
    ]);
  });

  it('reads &> as one operator for bash and ash', () => {
    expect(firstSimple('cmd &> all').redirects.map((r) => r.op)).toEqual(['&>']);
  });

  it('reads &> as "&" then ">" for dash, as dash does', () => {
    const [list] = parseAll('cmd &> all', false);
    expect(list.items).toHaveLength(2); // `cmd &` and `> all`
  });
});

describe('syntax errors', () => {
  it.each([
    ['echo "open', { kind: 'unterminated', quote: '"' }],
    ["echo 'open", { kind: 'unterminated', quote: "'" }],
    ['if true; then echo', { kind: 'eof', expecting: 'fi' }],
    ['&& echo', { kind: 'unexpected', token: '&&' }],
    ['echo a; fi', { kind: 'unexpected', token: 'fi' }],
    ['echo ${', { kind: 'bad-substitution' }],
  ])('%s', (source, problem) => {
    expect(syntaxError(source).data.problem).toMatchObject(problem);
  });

  it('reports the line of the error', () => {
    expect(syntaxError('echo ok\necho ok\n)').data.line).toBe(3);
  });

  it('names unsupported features instead of misreading them', () => {
    expect(syntaxError('cat <<EOF').data.problem.kind).toBe('unsupported');
    expect(syntaxError('echo $((1+2))').data.problem.kind).toBe('unsupported');
  });
});
