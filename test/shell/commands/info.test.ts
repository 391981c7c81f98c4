import { describe, expect, it } from 'vitest';
import { makeFs, sh } from '../helpers';

describe('pwd, whoami and id', () => {
  it('pwd prints the cwd', () => {
    expect(sh('pwd', { cwd: '/tmp' }).stdout).toBe('/tmp\n');
  });

  it('whoami and id read the container\'s /etc/passwd and /etc/group', () => {
    expect(sh('whoami; id', { uid: 1000, gid: 1000 }).stdout).toBe('app\nuid=1000(app) gid=1000(app) groups=1000(app),50(staff)\n');
    expect(sh('id').stdout).toBe('uid=0(root) gid=0(root) groups=0(root)\n');
    expect(sh('id -u; id -un; id -g app').stdout).toBe('0\nroot\n1000\n');
  });

  it('whoami fails for a uid without a passwd entry', () => {
    const result = sh('whoami', { uid: 4242, gid: 4242 });
    expect([result.exitCode, result.stderr]).toEqual([1, 'whoami: cannot find name for user ID 4242\n']);
    expect(sh('id', { uid: 4242, gid: 4242 }).stdout).toBe('uid=4242 gid=4242 groups=4242\n');
  });
});

describe('env', () => {
  it('prints the exported environment', () => {
    expect(sh('env', { env: { PATH: '/bin', HOME: '/root' } }).stdout).toBe('PATH=/bin\nHOME=/root\nPWD=/\n');
  });

  it('runs a command with changed variables', () => {
    expect(sh("env GREETING='hi there' sh -c 'echo $GREETING'").stdout).toBe('hi there\n');
    expect(sh("env -i sh -c 'echo [$HOME]'", { env: { HOME: '/root' } }).stdout).toBe('[]\n');
  });
});

describe('sh -c', () => {
  it('runs a string with $0 and arguments after it', () => {
    expect(sh('sh -c \'echo "$1-$2"\' name a b').stdout).toBe('a-b\n');
  });

  it('returns the inner exit status and keeps cd and variables inside', () => {
    const result = sh("sh -c 'cd /tmp; X=1; exit 4'; echo $? \"[$X]\"; pwd");
    expect(result.stdout).toBe('4 []\n/\n');
  });

  it('takes -e and -x', () => {
    const result = sh("sh -ex -c 'echo a; false; echo b'");
    expect([result.exitCode, result.stdout, result.stderr]).toEqual([1, 'a\n', '+ echo a\n+ false\n']);
  });

  it('runs a script file or stdin', () => {
    const fs = makeFs({ '/s.sh': 'echo "script $1"\n' });
    expect(sh('sh /s.sh one', { fs }).stdout).toBe('script one\n');
    expect(sh("echo 'echo from stdin' | sh").stdout).toBe('from stdin\n');
    expect(sh('sh /nope.sh').stderr).toBe('sh: 0: cannot open /nope.sh: No such file\n');
  });
});

describe('which, basename, dirname, sleep, true, false', () => {
  it('which finds executables on $PATH in the fs', () => {
    const fs = makeFs({ '/usr/bin/curl': '' });
    fs.chmodSync('/usr/bin/curl', 0o755);
    const result = sh('which curl wget', { fs });
    expect([result.stdout, result.exitCode]).toEqual(['/usr/bin/curl\n', 1]);
  });

  it('basename and dirname', () => {
    expect(sh('basename /usr/lib/libz.so.1 .1; basename /a/b/; dirname /etc/nginx/nginx.conf; dirname file').stdout)
      .toBe('libz.so\nb\n/etc/nginx\n.\n');
  });

  it('sleep returns at once but checks its argument', () => {
    expect(sh('sleep 5 && echo done').stdout).toBe('done\n');
    expect(sh('sleep soon').stderr).toBe("sleep: invalid time interval 'soon'\nTry 'sleep --help' for more information.\n");
  });

  it('true and false', () => {
    expect([sh('true').exitCode, sh('false').exitCode]).toEqual([0, 1]);
  });

  it('command -v says whether a program exists', () => {
    expect(sh('command -v ls; command -v nosuch; echo $?').stdout).toBe('ls\n127\n');
  });
});
