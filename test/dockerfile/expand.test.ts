import { describe, expect, it } from 'vitest';
import { expandWord } from '../../src/dockerfile/expand';
import { parseDockerfile } from '../../src/dockerfile/parse';

const vars: Record<string, string> = { HOME: '/root', EMPTY: '', NAME: 'world' };
const lookup = (name: string) => vars[name];

function expand(word: string, escape = '\\'): string {
  const result = expandWord(word, lookup, escape);
  if (!result.ok) throw new Error(result.problem);
  return result.text;
}

describe('expandWord: the forms Docker supports', () => {
  it.each([
    ['$HOME', '/root'],
    ['${HOME}', '/root'],
    ['$HOME/bin', '/root/bin'],
    ['${HOME}bin', '/rootbin'],
    ['$HOMEbin', ''],
    ['${MISSING:-word}', 'word'],
    ['${EMPTY:-word}', 'word'],
    ['${EMPTY-word}', ''],
    ['${MISSING-word}', 'word'],
    ['${HOME:-word}', '/root'],
    ['${HOME:+word}', 'word'],
    ['${EMPTY:+word}', ''],
    ['${EMPTY+word}', 'word'],
    ['${MISSING:+word}', ''],
    ['${MISSING:-$HOME/x}', '/root/x'],
    ['a$', 'a$'],
    ['$ a', '$ a'],
    ['$1x', 'x'],
  ])('%s → %s', (word, expected) => {
    expect(expand(word)).toBe(expected);
  });
});

describe('expandWord: quotes and escapes', () => {
  it.each([
    ['"hello $NAME"', 'hello world'],
    ["'hello $NAME'", 'hello $NAME'],
    ['\\$NAME', '$NAME'],
    ['"\\$NAME"', '$NAME'],
    ['"a\\"b"', 'a"b'],
    ['"C:\\path"', 'C:\\path'],
    ['a\\ b', 'a b'],
    ["it's'' ok'", 'its ok'],
    ['trailing\\', 'trailing'],
  ])('%s → %s', (word, expected) => {
    expect(expand(word)).toBe(expected);
  });

  it('uses the backtick when the escape directive says so, leaving backslashes alone', () => {
    expect(expand('c:\\dir `$NAME', '`')).toBe('c:\\dir $NAME');
  });

  it('reports plain references to unset names, but not ${x:-default}', () => {
    expect(expandWord('$A ${B} ${C:-x}', lookup, '\\')).toEqual({ ok: true, text: '  x', unset: ['A', 'B'] });
  });
});

describe('expandWord: errors in Docker\'s words', () => {
  it.each([
    ['${HOME', "failed to process \"${HOME\": syntax error: missing '}'"],
    ['${}', 'failed to process "${}": syntax error: bad substitution'],
    ['${:x}', 'failed to process "${:x}": syntax error: bad substitution'],
    ['${HOME:=x}', 'failed to process "${HOME:=x}": unsupported modifier (:=) in substitution'],
    ['"open', 'failed to process ""open": unexpected end of statement while looking for matching double-quote'],
    ["'open", 'failed to process "\'open": unexpected end of statement while looking for matching single-quote'],
    ['${MISSING:?must be set}', 'failed to process "${MISSING:?must be set}": MISSING: must be set'],
    ['${EMPTY:?}', 'failed to process "${EMPTY:?}": EMPTY: is not allowed to be empty'],
  ])('%s', (word, problem) => {
    expect(expandWord(word, lookup, '\\')).toEqual({ ok: false, problem });
  });
});

describe('substitution in a Dockerfile (reference "Environment replacement")', () => {
  it('follows the reference example: WORKDIR, ADD and an escaped COPY', () => {
    const stage = parseDockerfile('FROM busybox\nENV FOO=/bar\nWORKDIR ${FOO}\nADD . $FOO\nCOPY \\$FOO /quux').stages[0];
    expect(stage.instructions[1]).toMatchObject({ path: '/bar' });
    expect(stage.instructions[2]).toMatchObject({ sources: ['.'], destination: '/bar' });
    expect(stage.instructions[3]).toMatchObject({ sources: ['$FOO'], destination: '/quux' });
  });

  it('substitutes every variable of one ENV line with the values from before it', () => {
    const stage = parseDockerfile('FROM a\nENV abc=hello\nENV abc=bye def=$abc\nENV ghi=$abc').stages[0];
    expect(stage.instructions[1]).toMatchObject({ pairs: [{ key: 'abc', value: 'bye' }, { key: 'def', value: 'hello' }] });
    expect(stage.instructions[2]).toMatchObject({ pairs: [{ key: 'ghi', value: 'bye' }] });
  });

  it('never substitutes in RUN, CMD or ENTRYPOINT (the shell does that later)', () => {
    const stage = parseDockerfile('FROM a\nENV X=1\nRUN echo $X\nCMD echo $X').stages[0];
    expect(stage.instructions[1]).toMatchObject({ command: ['/bin/sh', '-c', 'echo $X'] });
    expect(stage.instructions[2]).toMatchObject({ command: ['/bin/sh', '-c', 'echo $X'] });
  });

  it('keeps a global ARG out of a stage unless the stage re-declares it (reference ARG/FROM example)', () => {
    const text = 'ARG VERSION=latest\nFROM busybox:$VERSION\nARG VERSION\nRUN echo $VERSION > image_version\nWORKDIR /$VERSION';
    const stage = parseDockerfile(text).stages[0];
    expect(stage.from.image).toBe('busybox:latest');
    expect(stage.instructions[2]).toMatchObject({ path: '/latest' });
    const undeclared = parseDockerfile('ARG V=1\nFROM a\nWORKDIR /x$V');
    expect(undeclared.stages[0].instructions[0]).toMatchObject({ resolvedPath: '/x' });
    expect(undeclared.warnings).toEqual([
      { rule: 'UndefinedVar', message: "Usage of undefined variable '$V'", location: { file: 'Dockerfile', line: 3, column: 9 } },
    ]);
  });

  it('lets ENV win over an ARG of the same name (reference "Using ARG variables")', () => {
    const text = 'FROM ubuntu\nARG CONT_IMG_VER\nENV CONT_IMG_VER=v1.0.0\nWORKDIR /$CONT_IMG_VER';
    expect(parseDockerfile(text, { buildArgs: { CONT_IMG_VER: 'v2.0.1' } }).stages[0].instructions[2]).toMatchObject({ path: '/v1.0.0' });
  });

  it('gives an ARG the --build-arg value over its default', () => {
    const text = 'FROM ubuntu\nARG CONT_IMG_VER=v1.0.0\nENV CONT_IMG_VER=$CONT_IMG_VER';
    expect(parseDockerfile(text, { buildArgs: { CONT_IMG_VER: 'v2.0.1' } }).stages[0].instructions[1]).toMatchObject({
      pairs: [{ key: 'CONT_IMG_VER', value: 'v2.0.1' }],
    });
    expect(parseDockerfile(text).stages[0].instructions[1]).toMatchObject({ pairs: [{ key: 'CONT_IMG_VER', value: 'v1.0.0' }] });
  });

  it('warns about --build-arg values no ARG consumed', () => {
    expect(parseDockerfile('FROM a', { buildArgs: { NOPE: '1' } }).warnings.map((w) => w.message)).toEqual([
      'One or more build-args [NOPE] were not consumed',
    ]);
  });
});
