import { describe, expect, it } from 'vitest';
import { makeFs, read, sh } from './helpers';

describe('lists and exit status', () => {
  it('runs && only after success and || only after failure', () => {
    expect(sh('true && echo a; false && echo b; false || echo c; true || echo d').stdout).toBe('a\nc\n');
  });

  it('sets $? to the status of the last pipeline', () => {
    expect(sh('false; echo $?; true; echo $?').stdout).toBe('1\n0\n');
  });

  it('returns the status of the last command', () => {
    expect(sh('true; false').exitCode).toBe(1);
    expect(sh('false; true').exitCode).toBe(0);
  });

  it('exit N stops the shell with N (mod 256)', () => {
    const result = sh('echo before; exit 3; echo after');
    expect([result.exitCode, result.stdout]).toEqual([3, 'before\n']);
    expect(sh('exit 256').exitCode).toBe(0);
  });

  it('negates with !', () => {
    expect(sh('! false').exitCode).toBe(0);
    expect(sh('! true').exitCode).toBe(1);
  });
});

describe('unknown commands', () => {
  it('exits 127 with dash wording by default', () => {
    const result = sh('curl -fsS http://example.com');
    expect(result.exitCode).toBe(127);
    expect(result.stderr).toBe('/bin/sh: 1: curl: not found\n');
  });

  it('uses the line number of the command in dash wording', () => {
    expect(sh('true\n\nnosuch').stderr).toBe('/bin/sh: 3: nosuch: not found\n');
  });

  it('words it as BusyBox ash and bash do', () => {
    expect(sh('nosuch', { flavor: 'ash' }).stderr).toBe('/bin/sh: nosuch: not found\n');
    expect(sh('nosuch', { flavor: 'bash' }).stderr).toBe('/bin/sh: nosuch: command not found\n');
  });

  it('does not know `source` in dash, but does in bash', () => {
    const fs = makeFs({ '/env.sh': 'export GREETING=hi\n' });
    expect(sh('source /env.sh', { fs }).stderr).toBe('/bin/sh: 1: source: not found\n');
    expect(sh('source /env.sh; echo $GREETING', { fs, flavor: 'bash' }).stdout).toBe('hi\n');
  });

  it('with requireInstalled, needs the program on $PATH (shell builtins excepted)', () => {
    const fs = makeFs({ '/bin/ls': '' });
    fs.chmodSync('/bin/ls', 0o755);
    expect(sh('cat /etc/group', { fs, requireInstalled: true }).exitCode).toBe(127);
    expect(sh('ls /root', { fs, requireInstalled: true }).exitCode).toBe(0);
    expect(sh('echo still here', { fs, requireInstalled: true }).stdout).toBe('still here\n');
  });
});

describe('set -e and set -x', () => {
  it('set -e stops at the first failing command', () => {
    const result = sh('set -e; echo a; false; echo b');
    expect([result.exitCode, result.stdout]).toEqual([1, 'a\n']);
  });

  it('set -e ignores failures in conditions, && / || left sides and ! pipelines', () => {
    const result = sh('set -e; if false; then :; fi; false && true; false || true; ! true; echo survived');
    expect(result.stdout).toBe('survived\n');
  });

  it('set -e fires on the last command of an && list', () => {
    expect(sh('set -e; true && false; echo no').stdout).toBe('');
  });

  it('set -x traces expanded commands on stderr with + and quotes', () => {
    const result = sh('set -ex; A="x y"; echo "$A" b');
    expect(result.stderr).toBe("+ A='x y'\n+ echo 'x y' b\n");
    expect(result.stdout).toBe('x y b\n');
  });

  it('interleaves trace and output in `output`', () => {
    expect(sh('set -x; echo hi').output).toBe('+ echo hi\nhi\n');
  });

  it('dash has no pipefail: the error stops the shell with 2', () => {
    const result = sh('set -o pipefail; echo after');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('/bin/sh: 1: set: Illegal option -o pipefail\n');
  });

  it('pipefail in bash makes a failing pipeline part fail the pipeline', () => {
    expect(sh('false | true', { flavor: 'bash' }).exitCode).toBe(0);
    expect(sh('set -o pipefail; false | true', { flavor: 'bash' }).exitCode).toBe(1);
  });

  it('set -u makes an unset variable an error (status 2)', () => {
    const result = sh('set -u; echo $NOPE; echo after');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('/bin/sh: 1: NOPE: parameter not set\n');
  });
});

describe('syntax errors', () => {
  it('prints dash wording and exits 2', () => {
    const result = sh('echo "oops');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('/bin/sh: 1: Syntax error: Unterminated quoted string\n');
  });

  it('runs the lines before the bad one', () => {
    const result = sh('echo first\nfi');
    expect(result.stdout).toBe('first\n');
    expect(result.stderr).toBe('/bin/sh: 2: Syntax error: "fi" unexpected\n');
  });

  it('words it as bash does', () => {
    expect(sh('echo a && && b', { flavor: 'bash' }).stderr).toBe("/bin/sh: -c: line 1: syntax error near unexpected token `&&'\n");
  });
});

describe('pipelines', () => {
  it('feeds stdout to the next stdin', () => {
    expect(sh("printf 'b\\na\\nb\\n' | grep b | wc -l").stdout).toBe('2\n');
  });

  it('runs each part in a subshell', () => {
    expect(sh('cd /tmp | true; pwd').stdout).toBe('/\n');
  });

  it('passes runShell stdin to the first command', () => {
    expect(sh('cat | head -n 1', { stdin: 'one\ntwo\n' }).stdout).toBe('one\n');
  });
});

describe('redirections', () => {
  it('> truncates, >> appends, < reads', () => {
    const result = sh('echo one > /f; echo two >> /f; echo three > /g; cat < /f; cat /g');
    expect(result.stdout).toBe('one\ntwo\nthree\n');
  });

  it('> creates the file before the command runs', () => {
    const result = sh('true > /empty');
    expect(read(result.fs, '/empty')).toBe('');
  });

  it('2>&1 sends errors where stdout goes at that moment', () => {
    expect(sh('cat /nope 2>&1 | wc -l').stdout).toBe('1\n');
    expect(sh('cat /nope 2>&1 >/dev/null').stdout).toBe('cat: /nope: No such file or directory\n');
    expect(sh('cat /nope >/dev/null 2>&1').output).toBe('');
  });

  it('2>/dev/null silences errors without touching the fs', () => {
    const result = sh('cat /nope 2>/dev/null');
    expect([result.exitCode, result.output]).toEqual([1, '']);
    expect(result.fs.existsSync('/dev/null')).toBe(false);
  });

  it('&> redirects both streams in bash', () => {
    const result = sh('cat /etc/group /nope &> /all', { flavor: 'bash' });
    expect(read(result.fs, '/all')).toContain('No such file');
    expect(result.output).toBe('');
  });

  it('&> in dash means "&" then an empty "> file" (the classic surprise)', () => {
    const result = sh('echo hi &> /all');
    expect(result.stdout).toBe('hi\n');
    expect(read(result.fs, '/all')).toBe('');
  });

  it('reports a missing input file in the flavor\'s words', () => {
    expect(sh('cat < /nope').stderr).toBe('/bin/sh: 1: cannot open /nope: No such file\n');
    expect(sh('cat < /nope').exitCode).toBe(2);
    expect(sh('cat < /nope', { flavor: 'bash' }).stderr).toBe('/bin/sh: line 1: /nope: No such file or directory\n');
  });

  it('reports a missing directory for output', () => {
    expect(sh('echo x > /no/dir/f').stderr).toBe('/bin/sh: 1: cannot create /no/dir/f: Directory nonexistent\n');
  });

  it('applies redirections of compound commands to their whole body', () => {
    expect(read(sh('{ echo a; echo b; } > /f').fs, '/f')).toBe('a\nb\n');
  });
});

describe('variables, cd and export', () => {
  it('returns the final cwd and the exported environment', () => {
    const result = sh('cd /tmp; export A=1; B=2', { env: { PATH: '/bin' } });
    expect(result.cwd).toBe('/tmp');
    expect(result.env).toMatchObject({ PATH: '/bin', A: '1', PWD: '/tmp' });
    expect(result.env.B).toBeUndefined();
  });

  it('gives commands only exported variables, plus prefix assignments', () => {
    expect(sh('A=1; export B=2; C=3 env').stdout.split('\n').filter((l) => /^[ABC]=/.test(l))).toEqual(['B=2', 'C=3']);
  });

  it('keeps subshell changes inside the subshell', () => {
    expect(sh('(cd /tmp; A=1); pwd; echo "[$A]"').stdout).toBe('/\n[]\n');
  });

  it('cd - goes back and prints the directory', () => {
    expect(sh('cd /tmp; cd /root; cd -').stdout).toBe('/tmp\n');
  });

  it('cd to a missing directory fails without stopping the shell', () => {
    const result = sh('cd /nope; echo still');
    expect(result.stderr).toBe("/bin/sh: 1: cd: can't cd to /nope\n");
    expect(result.stdout).toBe('still\n');
  });

  it('runs loops with break and continue', () => {
    expect(sh('for i in 1 2 3 4; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done').stdout).toBe('1\n3\n');
  });

  it('runs while loops', () => {
    expect(sh('n=; while [ "$n" != xxx ]; do n=x$n; done; echo $n').stdout).toBe('xxx\n');
  });
});

describe('scripts', () => {
  it('runs an executable script by path, with its own $0 in messages', () => {
    const fs = makeFs({ '/start.sh': '#!/bin/sh\necho "args: $1 $#"\nnosuch\n' });
    fs.chmodSync('/start.sh', 0o755);
    const result = sh('./start.sh a b', { fs });
    expect(result.stdout).toBe('args: a 2\n');
    expect(result.stderr).toBe('./start.sh: 3: nosuch: not found\n');
    expect(result.exitCode).toBe(127);
  });

  it('refuses a script without the execute bit (126)', () => {
    const fs = makeFs({ '/start.sh': '#!/bin/sh\necho hi\n' });
    const result = sh('/start.sh', { fs });
    expect([result.exitCode, result.stderr]).toEqual([126, '/bin/sh: 1: /start.sh: Permission denied\n']);
  });

  it('finds scripts on $PATH', () => {
    const fs = makeFs({ '/usr/local/bin/hello': '#!/bin/sh\necho hello\n' });
    fs.chmodSync('/usr/local/bin/hello', 0o755);
    expect(sh('hello', { fs }).stdout).toBe('hello\n');
  });

  it('`. file` runs in the current shell', () => {
    const fs = makeFs({ '/env.sh': 'export X=1; cd /tmp\n' });
    const result = sh('. /env.sh; echo $X; pwd', { fs });
    expect(result.stdout).toBe('1\n/tmp\n');
  });
});
