import { describe, expect, it } from 'vitest';
import { sh } from '../helpers';

describe('echo', () => {
  it('joins its arguments with spaces and ends with a newline', () => {
    expect(sh('echo a   b "c  d"').stdout).toBe('a b c  d\n');
  });

  it('-n leaves out the newline', () => {
    expect(sh('echo -n x').stdout).toBe('x');
  });

  it('in bash and ash, -e expands escapes and the default does not', () => {
    expect(sh("echo -e 'a\\tb\\n'; echo 'a\\tb'", { flavor: 'bash' }).stdout).toBe('a\tb\n\na\\tb\n');
    expect(sh("echo -e 'x\\c' ignored; echo y", { flavor: 'ash' }).stdout).toBe('xy\n');
  });

  it('in dash, -e is printed and escapes are always expanded', () => {
    expect(sh("echo -e 'a\\tb'").stdout).toBe('-e a\tb\n');
  });
});

describe('printf', () => {
  it.each([
    ["'%s\\n' hello", 'hello\n'],
    ["'%s-%s\\n' a b c", 'a-b\nc-\n'],
    ["'%d|%5d|%-5d|%05d\\n' 42 42 42 42", '42|   42|42   |00042\n'],
    ["'%x %X %o\\n' 255 255 8", 'ff FF 10\n'],
    ["'%.2f\\n' 3.14159", '3.14\n'],
    ["'%b\\n' 'a\\tb'", 'a\tb\n'],
    ["'%c%c\\n' xyz abc", 'xa\n'],
    ["'100%%\\n'", '100%\n'],
    ["'%s'", ''],
    ["'no newline'", 'no newline'],
    ["'\\101\\n'", 'A\n'],
  ])('printf %s', (args, expected) => {
    expect(sh(`printf ${args}`).stdout).toBe(expected);
  });

  it('complains about a non-number for %d, prints 0 and fails', () => {
    const result = sh("printf '%d\\n' abc");
    expect([result.stdout, result.stderr, result.exitCode]).toEqual(['0\n', "printf: 'abc': expected a numeric value\n", 1]);
  });
});
