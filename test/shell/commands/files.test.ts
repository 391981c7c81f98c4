import { describe, expect, it } from 'vitest';
import { makeFs, read, sh } from '../helpers';

const modeOf = (fs: ReturnType<typeof makeFs>, path: string) => (fs.lstatSync(path).mode & 0o7777).toString(8);

describe('mkdir', () => {
  it('creates a directory with mode 755 (umask 022)', () => {
    const { fs, exitCode } = sh('mkdir /app');
    expect(exitCode).toBe(0);
    expect(fs.statSync('/app').isDirectory()).toBe(true);
    expect(modeOf(fs, '/app')).toBe('755');
  });

  it('-p creates parents and accepts existing directories', () => {
    const { fs, exitCode } = sh('mkdir -p /a/b/c && mkdir -p /a/b');
    expect(exitCode).toBe(0);
    expect(fs.statSync('/a/b/c').isDirectory()).toBe(true);
  });

  it('-m sets the exact mode', () => {
    expect(modeOf(sh('mkdir -m 700 /secret').fs, '/secret')).toBe('700');
    expect(modeOf(sh('mkdir -p -m u=rwx,g=rx,o= /x/y').fs, '/x/y')).toBe('750');
  });

  it('reports an existing entry and a missing parent', () => {
    expect(sh('mkdir /etc').stderr).toBe("mkdir: cannot create directory '/etc': File exists\n");
    expect(sh('mkdir /no/such').stderr).toBe("mkdir: cannot create directory '/no/such': No such file or directory\n");
    expect(sh('mkdir').stderr).toBe("mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
  });

  it('gives new directories to the calling user', () => {
    const { fs } = sh('mkdir /tmp/mine', { uid: 1000, gid: 1000 });
    expect([fs.statSync('/tmp/mine').uid, fs.statSync('/tmp/mine').gid]).toEqual([1000, 1000]);
  });
});

describe('touch', () => {
  it('creates an empty 644 file', () => {
    const { fs } = sh('touch /new');
    expect(read(fs, '/new')).toBe('');
    expect(modeOf(fs, '/new')).toBe('644');
  });

  it('keeps the contents of an existing file and updates its mtime', () => {
    const fs = makeFs({ '/old': 'keep' });
    fs.utimesSync('/old', 1000, 1000);
    sh('touch /old', { fs });
    expect(read(fs, '/old')).toBe('keep');
    expect(fs.statSync('/old').mtimeMs).toBeGreaterThan(1_000_000);
  });

  it('-c does not create', () => {
    expect(sh('touch -c /ghost').fs.existsSync('/ghost')).toBe(false);
  });

  it('reports a missing directory', () => {
    expect(sh('touch /no/f').stderr).toBe("touch: cannot touch '/no/f': No such file or directory\n");
  });
});

describe('rm', () => {
  const fs = () => makeFs({ '/d/a': '1', '/d/sub/b': '2', '/f': 'x' });

  it('removes files, and directories with -r', () => {
    const result = sh('rm /f && rm -r /d', { fs: fs() });
    expect(result.exitCode).toBe(0);
    expect([result.fs.existsSync('/f'), result.fs.existsSync('/d')]).toEqual([false, false]);
  });

  it('refuses a directory without -r', () => {
    const result = sh('rm /d', { fs: fs() });
    expect([result.exitCode, result.stderr]).toEqual([1, "rm: cannot remove '/d': Is a directory\n"]);
  });

  it('reports a missing file unless -f', () => {
    expect(sh('rm /nope').stderr).toBe("rm: cannot remove '/nope': No such file or directory\n");
    expect(sh('rm -f /nope').exitCode).toBe(0);
    expect(sh('rm -rf').exitCode).toBe(0);
  });

  it('refuses to remove / recursively, like GNU rm', () => {
    const result = sh('rm -rf /');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n");
    expect(result.fs.existsSync('/etc/passwd')).toBe(true);
  });

  it('skips . and ..', () => {
    expect(sh('cd /d && rm -rf .', { fs: fs() }).stderr).toBe("rm: refusing to remove '.' or '..' directory: skipping '.'\n");
  });

  it('removes a symlink, not its target', () => {
    const result = sh('ln -s /d /link && rm /link', { fs: fs() });
    expect([result.fs.existsSync('/link'), result.fs.existsSync('/d/a')]).toEqual([false, true]);
  });

  it('with a glob, as in `rm -rf /var/lib/apt/lists/*`', () => {
    const result = sh('rm -rf /d/*', { fs: fs() });
    expect(result.fs.readdirSync('/d', { withFileTypes: true })).toEqual([]);
  });
});

describe('cp', () => {
  const fs = () => makeFs({ '/src/a': 'A', '/src/sub/b': 'B', '/f': 'x' });

  it('copies a file to a new name or into a directory', () => {
    const result = sh('cp /f /g && mkdir /dir && cp /f /dir', { fs: fs() });
    expect([read(result.fs, '/g'), read(result.fs, '/dir/f')]).toEqual(['x', 'x']);
  });

  it('omits directories without -r', () => {
    const result = sh('cp /src /dst', { fs: fs() });
    expect([result.exitCode, result.stderr]).toEqual([1, "cp: -r not specified; omitting directory '/src'\n"]);
  });

  it('-r copies a tree; into an existing directory it nests', () => {
    const result = sh('cp -r /src /dst && mkdir /into && cp -r /src /into', { fs: fs() });
    expect(read(result.fs, '/dst/sub/b')).toBe('B');
    expect(read(result.fs, '/into/src/sub/b')).toBe('B');
  });

  it('copies the contents of a directory with src/.', () => {
    expect(read(sh('mkdir /app && cp -a /src/. /app/', { fs: fs() }).fs, '/app/sub/b')).toBe('B');
  });

  it('-p and -a keep mode and owner; plain cp gives the copy to the caller', () => {
    const base = fs();
    base.chmodSync('/f', 0o754); // world-readable: memfs checks permissions even for root
    base.chownSync('/f', 1000, 1000);
    const result = sh('cp -p /f /kept; cp /f /plain', { fs: base });
    expect([modeOf(result.fs, '/kept'), result.fs.statSync('/kept').uid]).toEqual(['754', 1000]);
    expect([modeOf(result.fs, '/plain'), result.fs.statSync('/plain').uid]).toEqual(['754', 0]);
  });

  it('-a copies symlinks as symlinks', () => {
    const base = fs();
    base.symlinkSync('a', '/src/link');
    expect(sh('cp -a /src /dst', { fs: base }).fs.readlinkSync('/dst/link')).toBe('a');
  });

  it('reports a missing source and a missing operand', () => {
    expect(sh('cp /nope /x').stderr).toBe("cp: cannot stat '/nope': No such file or directory\n");
    expect(sh('cp /f').stderr).toBe("cp: missing destination file operand after '/f'\nTry 'cp --help' for more information.\n");
  });

  it('refuses to copy a directory into itself', () => {
    expect(sh('cp -r /src /src/sub', { fs: fs() }).stderr).toBe("cp: cannot copy a directory, '/src', into itself, '/src/sub/src'\n");
  });
});

describe('mv', () => {
  it('renames and moves into directories', () => {
    const result = sh('mv /f /g && mkdir /d && mv /g /d', { fs: makeFs({ '/f': 'x' }) });
    expect([result.fs.existsSync('/f'), read(result.fs, '/d/g')]).toEqual([false, 'x']);
  });

  it('reports a missing source', () => {
    expect(sh('mv /nope /x').stderr).toBe("mv: cannot stat '/nope': No such file or directory\n");
  });

  it('refuses to move a directory into itself', () => {
    expect(sh('mkdir -p /a/b && mv /a /a/b').stderr).toBe("mv: cannot move '/a' to a subdirectory of itself, '/a/b/a'\n");
  });
});

describe('ln', () => {
  it('-s stores the target as typed', () => {
    const { fs } = sh('ln -s ../etc/passwd /tmp/pw');
    expect(fs.readlinkSync('/tmp/pw')).toBe('../etc/passwd');
  });

  it('fails on an existing link name unless -f', () => {
    expect(sh('ln -s /a /tmp/.keep').stderr).toBe("ln: failed to create symbolic link '/tmp/.keep': File exists\n");
    expect(sh('ln -sf /a /tmp/.keep').fs.readlinkSync('/tmp/.keep')).toBe('/a');
  });

  it('puts the link inside an existing directory', () => {
    expect(sh('ln -s /etc/passwd /tmp').fs.readlinkSync('/tmp/passwd')).toBe('/etc/passwd');
  });

  it('-sfn replaces a symlink to a directory instead of entering it', () => {
    const { fs } = sh('mkdir /v1 /v2 && ln -s /v1 /cur && ln -sfn /v2 /cur');
    expect([fs.readlinkSync('/cur'), fs.existsSync('/v1/v2')]).toEqual(['/v2', false]);
  });

  it('makes hard links that share contents', () => {
    const { fs } = sh('ln /etc/group /g2');
    expect(fs.statSync('/g2').ino).toBe(fs.statSync('/etc/group').ino);
  });

  it('reports a missing hard link source', () => {
    expect(sh('ln /nope /x').stderr).toBe("ln: failed to access '/nope': No such file or directory\n");
  });
});
