import { describe, expect, it } from 'vitest';
import { makeFs, sh } from './helpers';

// `printf '[%s]'` shows each argument a command received, so field splitting is visible.
const show = (words: string, options = {}) => sh(`printf '[%s]' ${words}`, options).stdout;

describe('parameter expansion', () => {
  it.each([
    ['$A', '[1]'],
    ['${A}x', '[1x]'],
    ['${UNSET:-dflt}', '[dflt]'],
    ['${EMPTY:-dflt}', '[dflt]'],
    ['${EMPTY-dflt}', '[]'],
    ['${A:+set}', '[set]'],
    ['${UNSET:+set}', '[]'],
    ['${#LONG}', '[5]'],
    ['${FILE%.tar.gz}', '[app]'],
    ['${FILE#*.}', '[tar.gz]'],
    ['${FILE##*.}', '[gz]'],
    ['${FILE%%.*}', '[app]'],
  ])('%s', (word, expected) => {
    expect(show(`"${word}"`, { env: { A: '1', EMPTY: '', LONG: 'hello', FILE: 'app.tar.gz' } })).toBe(expected);
  });

  it('${VAR:=x} assigns the default', () => {
    expect(sh('echo ${X:=7}; echo $X').stdout).toBe('7\n7\n');
  });

  it('${VAR:?message} stops the shell with the message', () => {
    const result = sh('echo ${TOKEN:?must be set}; echo after');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('/bin/sh: 1: TOKEN: must be set\n');
  });

  it('special parameters: $?, $#, $1, $@ and $$', () => {
    expect(sh('set -- a "b c"; echo $# $1; printf "[%s]" "$@"; false; echo $?').stdout).toBe('2 a\n[a][b c]1\n');
    expect(sh('echo $$').stdout).toBe('1\n'); // RUN's shell is PID 1 in its container
  });

  it('"$@" with no arguments is no word at all', () => {
    expect(sh('printf "[%s]" x "$@"').stdout).toBe('[x]');
  });

  it('expands ~ to $HOME', () => {
    expect(sh('echo ~ ~/x "~"', { env: { HOME: '/root' } }).stdout).toBe('/root /root/x ~\n');
  });
});

describe('field splitting', () => {
  it('splits unquoted expansions on blanks, not quoted ones', () => {
    expect(show('$A "$A"', { env: { A: ' x  y ' } })).toBe('[x][y][ x  y ]');
  });

  it('drops an unquoted empty expansion but keeps ""', () => {
    expect(show('$EMPTY "" "$EMPTY"', { env: { EMPTY: '' } })).toBe('[][]');
  });

  it('splits command substitution output and trims trailing newlines', () => {
    expect(sh("printf '[%s]' $(printf 'a b\\n\\n') \"$(printf 'c\\n\\n')\"").stdout).toBe('[a][b][c]');
  });
});

describe('pathname expansion', () => {
  const fs = () => makeFs({ '/d/b.txt': '', '/d/a.txt': '', '/d/C.txt': '', '/d/.hidden.txt': '', '/d/x.log': '', '/d/sub/y.txt': '' });

  it('matches * and ?, sorted in byte order (uppercase first), skipping dotfiles', () => {
    expect(show('/d/*.txt', { fs: fs() })).toBe('[/d/C.txt][/d/a.txt][/d/b.txt]');
    expect(show('/d/?.log', { fs: fs() })).toBe('[/d/x.log]');
  });

  it('matches dotfiles only when the pattern starts with a dot', () => {
    expect(show('/d/.*.txt', { fs: fs() })).toBe('[/d/.hidden.txt]');
  });

  it('matches relative to the cwd and in several components', () => {
    expect(show('*/y.txt', { fs: fs(), cwd: '/d' })).toBe('[sub/y.txt]');
    expect(show('/d/*/*', { fs: fs() })).toBe('[/d/sub/y.txt]');
  });

  it('matches bracket expressions', () => {
    expect(show('/d/[ab].txt', { fs: fs() })).toBe('[/d/a.txt][/d/b.txt]');
    expect(show('/d/[!ab].txt', { fs: fs() })).toBe('[/d/C.txt]');
  });

  it('leaves a pattern that matches nothing as it is', () => {
    expect(show('/d/*.none', { fs: fs() })).toBe('[/d/*.none]');
  });

  it('does not glob quoted characters', () => {
    expect(show('"/d/*.txt"', { fs: fs() })).toBe('[/d/*.txt]');
  });
});
