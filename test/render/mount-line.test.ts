import { describe, expect, it } from 'vitest';
import { dockerContainerMount, renderMountLine, renderProcMountsLine } from '../../src/render/mount-line';

describe('renderProcMountsLine', () => {
  it('matches the kernel line of scenario A01 (overlayfs.md 3.2), uuid=on from a fresh upper', () => {
    const line = renderProcMountsLine({
      mountPoint: '$RUN/merged',
      lowerDirs: ['$RUN/l0', '$RUN/l1'],
      upperDir: '$RUN/upper',
      workDir: '$RUN/work',
      extraOptions: ['uuid=on'],
    });
    expect(line).toBe('overlay $RUN/merged overlay rw,relatime,lowerdir=$RUN/l0:$RUN/l1,upperdir=$RUN/upper,workdir=$RUN/work,uuid=on 0 0');
  });

  it('prints escaped colons and commas in paths as \\134 and \\054 (overlayfs.md 1.1)', () => {
    const colon = renderProcMountsLine({ mountPoint: '/m', lowerDirs: ['$RUN/l:0', '/b'], upperDir: '/u', workDir: '/w' });
    expect(colon).toContain('lowerdir=$RUN/l\\134:0:/b,');
    const comma = renderProcMountsLine({ mountPoint: '/m', lowerDirs: ['l,0', '/b'], upperDir: '/u', workDir: '/w' });
    expect(comma).toContain('lowerdir=l\\134\\0540:/b,');
  });

  it('reports a mount without upper as ro with redirect_dir=on', () => {
    expect(renderProcMountsLine({ mountPoint: '/m', lowerDirs: ['A', 'B'] })).toBe('overlay /m overlay ro,relatime,lowerdir=A:B,redirect_dir=on 0 0');
  });
});

describe('renderMountLine for a Docker container', () => {
  it('uses the unresolved l/<link> paths and the container dirs', () => {
    const m = dockerContainerMount({ mountId: 'abc', lowerLinks: ['INIT', 'TOP', 'BASE'] });
    expect(renderMountLine(m)).toBe(
      'overlay on /var/lib/docker/overlay2/abc/merged type overlay (rw,relatime,' +
        'lowerdir=/var/lib/docker/overlay2/l/INIT:/var/lib/docker/overlay2/l/TOP:/var/lib/docker/overlay2/l/BASE,' +
        'upperdir=/var/lib/docker/overlay2/abc/diff,workdir=/var/lib/docker/overlay2/abc/work)',
    );
  });
});
