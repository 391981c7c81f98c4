import { describe, expect, it } from 'vitest';
import { makeFs, sh } from '../helpers';

const modeOf = (fs: ReturnType<typeof makeFs>, path: string) => (fs.lstatSync(path).mode & 0o7777).toString(8);

describe('chmod', () => {
  it.each([
    ['755', 0o644, '755'],
    ['u+x', 0o644, '744'],
    ['+x', 0o644, '755'],
    ['go-w', 0o666, '644'],
    ['a=r', 0o755, '444'],
    ['u=rwx,g=rx,o=', 0o644, '750'],
    ['g+s', 0o755, '2755'],
    ['+t', 0o777, '1777'],
    ['o+X', 0o644, '644'], // X adds x only where some x is already set (or for directories)
    ['o+X', 0o744, '745'],
    ['+w', 0o444, '644'], // without "who", the umask (022) protects group and other
    ['g=u', 0o640, '660'],
  ])('chmod %s on a %s file gives %s', (spec, before, after) => {
    const fs = makeFs({ '/f': '' });
    fs.chmodSync('/f', before);
    expect(modeOf(sh(`chmod ${spec} /f`, { fs }).fs, '/f')).toBe(after);
  });

  it('treats -x as a mode, not an option', () => {
    const fs = makeFs({ '/f': '' });
    fs.chmodSync('/f', 0o755);
    expect(modeOf(sh('chmod -x /f', { fs }).fs, '/f')).toBe('644');
  });

  it('-R changes a whole tree; X makes directories searchable', () => {
    const fs = makeFs({ '/d/f': '', '/d/s/g': '' });
    fs.chmodSync('/d/s', 0o700);
    fs.chmodSync('/d/s/g', 0o600);
    sh('chmod -R a+rX /d', { fs });
    expect([modeOf(fs, '/d/s'), modeOf(fs, '/d/s/g')]).toEqual(['755', '644']);
  });

  it('reports invalid modes and missing files', () => {
    expect(sh('chmod 999 /etc/passwd').stderr).toBe("chmod: invalid mode: '999'\nTry 'chmod --help' for more information.\n");
    expect(sh('chmod 644 /nope').stderr).toBe("chmod: cannot access '/nope': No such file or directory\n");
  });
});

describe('chown', () => {
  const owner = (fs: ReturnType<typeof makeFs>, path: string) => [fs.lstatSync(path).uid, fs.lstatSync(path).gid];

  it('looks names up in the container\'s /etc/passwd and /etc/group', () => {
    const { fs } = sh('touch /f && chown app:staff /f');
    expect(owner(fs, '/f')).toEqual([1000, 50]);
  });

  it('user: takes the login group; :group changes only the group', () => {
    expect(owner(sh('touch /f && chown daemon: /f').fs, '/f')).toEqual([1, 1]);
    expect(owner(sh('touch /f && chown :staff /f').fs, '/f')).toEqual([0, 50]);
  });

  it('accepts numeric ids that no file names', () => {
    expect(owner(sh('touch /f && chown 4242:4343 /f').fs, '/f')).toEqual([4242, 4343]);
  });

  it('rejects unknown names with GNU wording', () => {
    expect(sh('touch /f && chown nobody1 /f').stderr).toBe("chown: invalid user: 'nobody1'\n");
    expect(sh('touch /f && chown app:nogroup /f').stderr).toBe("chown: invalid group: 'app:nogroup'\n");
  });

  it('-R changes a whole tree', () => {
    const { fs } = sh('mkdir -p /home/app/.cache && touch /home/app/.cache/x && chown -R app:app /home/app');
    expect(owner(fs, '/home/app/.cache/x')).toEqual([1000, 1000]);
  });

  it('-h changes a symlink itself', () => {
    const { fs } = sh('touch /f && ln -s /f /l && chown -h app /l');
    expect([owner(fs, '/l')[0], owner(fs, '/f')[0]]).toEqual([1000, 0]);
  });
});
