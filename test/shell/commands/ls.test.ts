import { describe, expect, it } from 'vitest';
import { makeFs, sh } from '../helpers';

// A fixed, old date prints as `Mon DD  YYYY`, so the lines do not depend on today's date.
const OLD = new Date('2020-03-04T05:06:07Z');

function tree() {
  const fs = makeFs({ '/app/b.txt': 'hello', '/app/A.txt': '', '/app/.env': 'X=1', '/app/bin/run': '#!/bin/sh\n' });
  fs.chmodSync('/app/b.txt', 0o644);
  fs.chmodSync('/app/A.txt', 0o600);
  fs.chmodSync('/app/bin', 0o755);
  fs.chownSync('/app/A.txt', 1000, 1000);
  for (const path of ['/app/b.txt', '/app/A.txt', '/app/.env', '/app/bin/run', '/app/bin', '/app']) fs.utimesSync(path, OLD, OLD);
  return fs;
}

describe('ls', () => {
  it('lists names one per line, sorted in byte order, without dotfiles', () => {
    expect(sh('ls /app', { fs: tree() }).stdout).toBe('A.txt\nb.txt\nbin\n');
  });

  it('-a adds dotfiles and . and ..; -A only dotfiles', () => {
    expect(sh('ls -a /app', { fs: tree() }).stdout).toBe('.\n..\n.env\nA.txt\nb.txt\nbin\n');
    expect(sh('ls -A /app', { fs: tree() }).stdout).toBe('.env\nA.txt\nb.txt\nbin\n');
  });

  it('-l shows mode, links, owner names, size, date and name, aligned', () => {
    const lines = sh('ls -l /app', { fs: tree() }).stdout.split('\n');
    expect(lines[0]).toBe('total 4'); // b.txt takes one 4K block; memfs directories have size 0
    expect(lines[1]).toBe('-rw------- 1 app  app  0 Mar  4  2020 A.txt');
    expect(lines[2]).toBe('-rw-r--r-- 1 root root 5 Mar  4  2020 b.txt');
    expect(lines[3]).toMatch(/^drwxr-xr-x \d root root 0 Mar  4  2020 bin$/);
  });

  it('-n shows numeric ids', () => {
    expect(sh('ls -ln /app/A.txt', { fs: tree() }).stdout).toBe('-rw------- 1 1000 1000 0 Mar  4  2020 /app/A.txt\n');
  });

  it('-ld shows a directory itself, and symlinks show their target', () => {
    const fs = tree();
    fs.symlinkSync('bin/run', '/app/run');
    expect(sh('ls -ld /app/bin', { fs }).stdout).toMatch(/^drwxr-xr-x \d root root 0 Mar  4  2020 \/app\/bin\n$/);
    expect(sh('ls -l /app/run', { fs }).stdout).toMatch(/^lrwxrwxrwx 1 root root \d+ \w{3} [ \d]\d .{5} \/app\/run -> bin\/run\n$/);
  });

  it('prints headers for several directories and files first', () => {
    expect(sh('ls /app/bin /app/b.txt /app/bin', { fs: tree() }).stdout).toBe('/app/b.txt\n\n/app/bin:\nrun\n\n/app/bin:\nrun\n');
  });

  it('exits 2 for a missing operand', () => {
    const result = sh('ls /nope');
    expect([result.exitCode, result.stderr]).toEqual([2, "ls: cannot access '/nope': No such file or directory\n"]);
  });
});
