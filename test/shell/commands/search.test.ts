import { describe, expect, it } from 'vitest';
import { makeFs, sh } from '../helpers';

const fs = () => makeFs({ '/log': 'ok start\nERROR disk\nok end\nerror net\n', '/other': 'nothing\n' });

describe('grep', () => {
  it.each([
    ['grep ok /log', 'ok start\nok end\n'],
    ['grep -i error /log', 'ERROR disk\nerror net\n'],
    ['grep -v ok /log', 'ERROR disk\nerror net\n'],
    ['grep -n end /log', '3:ok end\n'],
    ['grep -c ok /log', '2\n'],
    ["grep -E 'disk|net' /log", 'ERROR disk\nerror net\n'],
    ["grep 'disk\\|net' /log", 'ERROR disk\nerror net\n'],
    ["grep -F 'ok s' /log", 'ok start\n'],
    ['grep -x ok /log', ''],
    ['grep -w ok /log', 'ok start\nok end\n'],
    ['grep -l net /log /other', '/log\n'],
    ['grep ok /log /other', '/log:ok start\n/log:ok end\n'],
  ])('%s', (line, expected) => {
    expect(sh(line, { fs: fs() }).stdout).toBe(expected);
  });

  it('exits 0 on a match, 1 without, 2 on an error', () => {
    expect(sh('grep -q ok /log', { fs: fs() }).exitCode).toBe(0);
    expect(sh('grep -q zzz /log', { fs: fs() }).exitCode).toBe(1);
    const missing = sh('grep ok /nope');
    expect([missing.exitCode, missing.stderr]).toEqual([2, 'grep: /nope: No such file or directory\n']);
  });

  it('reads stdin', () => {
    expect(sh('cat /log | grep -c -i error', { fs: fs() }).stdout).toBe('2\n');
  });
});

describe('test and [', () => {
  const cases: [string, number][] = [
    ['[ -e /etc/passwd ]', 0], ['[ -e /nope ]', 1], ['[ -f /etc ]', 1], ['[ -d /etc ]', 0],
    ['[ -s /etc/passwd ]', 0], ['[ -s /tmp/.keep ]', 1], ['[ -z "" ]', 0], ['[ -n "" ]', 1],
    ['[ abc = abc ]', 0], ['[ abc != abc ]', 1], ['[ 3 -gt 2 ]', 0], ['[ 3 -le 2 ]', 1],
    ['[ 10 -eq 010 ]', 0], ['[ ! -e /nope ]', 0], ['[ -d /etc -a -f /etc/passwd ]', 0],
    ['[ -d /nope -o -f /etc/passwd ]', 0], ['[ "$EMPTY" ]', 1], ['[ -n ]', 0], ['[ ]', 1],
    ['[ = = = ]', 0], ['test -d /root', 0], ['[ \\( -e /a -o -e /etc \\) -a -d /tmp ]', 0],
  ];
  it.each(cases)('%s → %s', (line, status) => {
    expect(sh(line).exitCode).toBe(status);
  });

  it('-L sees a symlink, -e follows it', () => {
    expect(sh('ln -s /nope /dangling; [ -L /dangling ] && ! [ -e /dangling ]').exitCode).toBe(0);
  });

  it('-x needs an execute bit even for root; -w does not for root', () => {
    const files = makeFs({ '/s': '' });
    files.chmodSync('/s', 0o444);
    expect(sh('[ -x /s ]; echo $?; [ -w /s ]; echo $?', { fs: files }).stdout).toBe('1\n0\n');
    expect(sh('[ -w /s ]', { fs: files, uid: 1000, gid: 1000 }).exitCode).toBe(1);
  });

  it('fails with 2 on a bad integer and on a missing ]', () => {
    expect(sh('[ a -eq 1 ]').stderr).toBe('[: a: integer expression expected\n');
    expect(sh('[ a -eq 1 ]').exitCode).toBe(2);
    expect(sh('[ -d /etc').stderr).toBe("[: missing ']'\n");
  });
});
