import { describe, expect, it } from 'vitest';
import { makeFs, sh } from '../helpers';

const fs = () => makeFs({ '/lines': '1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n', '/ab': 'a b\nc\n' });

describe('cat', () => {
  it('concatenates files and stdin (-)', () => {
    expect(sh('echo mid | cat /ab - /ab', { fs: fs() }).stdout).toBe('a b\nc\nmid\na b\nc\n');
  });

  it('reports a missing file and a directory in GNU words, and continues', () => {
    const result = sh('cat /nope /etc /ab', { fs: fs() });
    expect(result.stderr).toBe('cat: /nope: No such file or directory\ncat: /etc: Is a directory\n');
    expect(result.stdout).toBe('a b\nc\n');
    expect(result.exitCode).toBe(1);
  });
});

describe('head and tail', () => {
  it('default to 10 lines', () => {
    expect(sh('head /lines', { fs: fs() }).stdout).toBe('1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n');
    expect(sh('tail /lines', { fs: fs() }).stdout).toBe('3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n');
  });

  it('take -n N, -N and tail -n +N', () => {
    expect(sh('head -n 2 /lines; head -1 /lines; tail -n 2 /lines; tail -n +11 /lines', { fs: fs() }).stdout).toBe('1\n2\n1\n11\n12\n11\n12\n');
  });

  it('take -c N bytes', () => {
    expect(sh('head -c 3 /ab', { fs: fs() }).stdout).toBe('a b');
  });

  it('print headers for several files', () => {
    expect(sh('head -n 1 /ab /lines', { fs: fs() }).stdout).toBe('==> /ab <==\na b\n\n==> /lines <==\n1\n');
  });

  it('reports a missing file', () => {
    expect(sh('tail /nope').stderr).toBe("tail: cannot open '/nope' for reading: No such file or directory\n");
  });
});

describe('wc', () => {
  it('prints only the number for stdin with one count', () => {
    expect(sh('wc -l < /ab', { fs: fs() }).stdout).toBe('2\n');
  });

  it('prints the count and the name for a file', () => {
    expect(sh('wc -l /ab', { fs: fs() }).stdout).toBe('2 /ab\n');
  });

  it('counts lines, words and bytes by default, with a total for several files', () => {
    // /ab: 2 lines, 3 words, 6 bytes; /lines: 12 lines, 12 words, 27 bytes.
    expect(sh('wc /ab /lines', { fs: fs() }).stdout).toBe(' 2  3  6 /ab\n12 12 27 /lines\n14 15 33 total\n');
  });
});
