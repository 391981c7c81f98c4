// The shell over a real overlay mount: what each command leaves in the upper layer is what a
// RUN step would commit. Expected trees follow from the kernel's rules (spec/overlayfs.md):
// reads never copy up, any metadata or data change copies up, deletes leave whiteouts.
import { describe, expect, it } from 'vitest';
import { compactOfInode, treeFromCompact } from '../../src/overlay/compact';
import { mount, scratchDirs } from '../../src/overlay/mount';
import { runShell } from '../../src/shell/runShell';

function run(line: string, options: string | undefined = undefined) {
  const lower = treeFromCompact({
    etc: { motd: 'hello\n', passwd: 'root:x:0:0:root:/root:/bin/sh\n', group: 'root:x:0:\n' },
    srv: { site: { 'index.html': '<h1>hi</h1>' } },
    tmp: {},
  }).freeze();
  const { upper, work } = scratchDirs();
  const merged = mount({ lowers: [lower], upper, work, options });
  const result = runShell(line, { fs: merged });
  return { result, upper: compactOfInode(upper.root) as Record<string, Record<string, unknown>>, merged };
}

describe('commands over an overlay mount', () => {
  it('cat, grep, ls and test leave the upper layer empty', () => {
    const { result, upper } = run('cat /etc/motd && grep root /etc/passwd && ls -la /srv/site && [ -f /etc/motd ]');
    expect(result.exitCode).toBe(0);
    expect(upper).toEqual({});
  });

  it('chmod to the same mode still copies the file up', () => {
    const { upper } = run('chmod 644 /etc/motd');
    expect(Object.keys(upper.etc)).toEqual(['motd']);
  });

  it('touch copies up only the file it touches', () => {
    const { upper } = run('touch /etc/motd');
    expect(Object.keys(upper)).toEqual(['etc']);
    expect(Object.keys(upper.etc)).toEqual(['motd']);
  });

  it('rm leaves a whiteout; rm -r whites out the directory', () => {
    expect(run('rm /etc/motd').upper.etc.motd).toBe('WHITEOUT');
    expect(run('rm -r /srv/site').upper.srv.site).toBe('WHITEOUT');
  });

  it('sed -i leaves the new file and no temporary file in the upper layer', () => {
    const { result, upper, merged } = run("sed -i 's/hello/bye/' /etc/motd");
    expect(result.exitCode).toBe(0);
    expect(Object.keys(upper.etc)).toEqual(['motd']);
    expect(merged.readFileSync('/etc/motd').toString()).toBe('bye\n');
  });

  it('mv of a lower directory falls back to copy and delete when the kernel says EXDEV', () => {
    const { result, upper, merged } = run('mv /srv/site /srv/www', 'redirect_dir=off');
    expect(result.stderr).toBe('');
    expect(upper.srv.site).toBe('WHITEOUT');
    expect(merged.readFileSync('/srv/www/index.html').toString()).toBe('<h1>hi</h1>');
  });

  it('echo > a new file creates only that file', () => {
    const { upper } = run('echo hi > /tmp/new');
    expect(upper).toEqual({ tmp: { new: 'hi\n' } });
  });
});
