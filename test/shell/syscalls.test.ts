// Commands must touch the fs exactly as the real tools do, because in an overlay every write
// (even a chmod to the same mode) copies a lower file up. A recording fs makes the calls visible.
import { describe, expect, it } from 'vitest';
import type { ShellFs } from '../../src/shell/types';
import { makeFs, read, sh } from './helpers';

const WRITES = ['writeFileSync', 'appendFileSync', 'mkdirSync', 'rmdirSync', 'unlinkSync', 'renameSync', 'symlinkSync',
  'linkSync', 'chmodSync', 'chownSync', 'lchownSync', 'utimesSync', 'truncateSync'];

function recording(fs: ShellFs, override: Partial<Record<keyof ShellFs, (...args: unknown[]) => unknown>> = {}) {
  const calls: string[] = [];
  const proxy = new Proxy(fs, {
    get(target, name: string) {
      const original = (target as unknown as Record<string, unknown>)[name];
      if (typeof original !== 'function') return original;
      return (...args: unknown[]) => {
        const paths = ['renameSync', 'symlinkSync', 'linkSync'].includes(name) ? args.slice(0, 2) : args.slice(0, 1);
        if (WRITES.includes(name)) calls.push(`${name} ${paths.join(' ')}`);
        const replacement = override[name as keyof ShellFs];
        return replacement ? replacement(...args) : (original as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { fs: proxy as ShellFs, calls };
}

describe('fs calls', () => {
  it('cat, grep, head, ls and test only read', () => {
    const { fs, calls } = recording(makeFs({ '/f': 'x\n' }));
    sh('cat /f; grep x /f; head /f; ls -l /; [ -f /f ]; wc -l /f', { fs });
    expect(calls).toEqual([]);
  });

  it('touch on an existing file only sets its times', () => {
    const { fs, calls } = recording(makeFs({ '/f': 'x' }));
    sh('touch /f', { fs });
    expect(calls).toEqual(['utimesSync /f']);
  });

  it('chmod and chown call the fs even when nothing changes', () => {
    const { fs, calls } = recording(makeFs({ '/f': 'x' }));
    sh('chmod 666 /f; chmod 666 /f; chown root:root /f', { fs });
    expect(calls).toEqual(['chmodSync /f', 'chmodSync /f', 'chownSync /f']);
  });

  it('sed -i writes a temporary file in the same directory and renames it over the original', () => {
    const { fs, calls } = recording(makeFs({ '/etc/app.conf': 'a\n' }));
    sh("sed -i 's/a/b/' /etc/app.conf", { fs });
    expect(calls).toHaveLength(3);
    const temp = calls[0].split(' ')[1];
    expect(temp).toMatch(/^\/etc\/sed\w{6}$/);
    expect(calls).toEqual([`writeFileSync ${temp}`, `chownSync ${temp}`, `renameSync ${temp} /etc/app.conf`]);
  });

  it('> truncates when the redirection is opened, even if nothing is printed', () => {
    const { fs, calls } = recording(makeFs({ '/f': 'old' }));
    sh('true > /f', { fs });
    expect(calls).toEqual(['writeFileSync /f']);
    expect(read(fs, '/f')).toBe('');
  });

  it('rm -r removes children before their directory', () => {
    const { fs, calls } = recording(makeFs({ '/d/a': '', '/d/s/b': '' }));
    sh('rm -r /d', { fs });
    expect(calls).toEqual(['unlinkSync /d/a', 'unlinkSync /d/s/b', 'rmdirSync /d/s', 'rmdirSync /d']);
  });

  it('mv copies and deletes when rename says EXDEV (an overlay without redirect_dir)', () => {
    const base = makeFs({ '/old/a': 'A', '/old/s/b': 'B' });
    const exdev = () => { throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }); };
    const { fs, calls } = recording(base, { renameSync: exdev });
    const result = sh('mv /old /new', { fs });
    expect(result.exitCode).toBe(0);
    expect(read(fs, '/new/s/b')).toBe('B');
    expect(fs.existsSync('/old')).toBe(false);
    expect(calls[0]).toBe('renameSync /old /new');
    expect(calls).toContain('rmdirSync /old');
  });
});
