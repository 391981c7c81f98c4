// Layer by layer: expected changes are read off each fixture's layer tar and the Dockerfile that
// made it (dive's Dockerfile.test-image), applying docker diff's rules (formats.md 1.6): a
// directory holding a change is C, a whiteout is D, an opaque directory deletes the lower
// children it does not hold, and a dir replaced by a file is C without D for its old children.
import { describe, expect, it } from 'vitest';
import { haveShared, sharedPath } from '../helpers/shared';
import { importArchive } from '../../src/archive/import';
import { layerReports } from '../../src/archive/explore';
import { renderLayerReports } from '../../src/archive/report-text';
import { layerFromTar } from '../../src/layer/layer';
import { makeImage } from '../../src/image/image';
import { writeTar } from '../../src/layer/tar/write';
import type { TarEntry } from '../../src/layer/tar/entry';
import { Disk } from '../../src/overlay/tree';

const fixture = (path: string): string => sharedPath('fixtures', path);
const lines = (changes: { kind: string; path: string }[]): string[] => changes.map((c) => `${c.kind} ${c.path}`);

describe.skipIf(!haveShared('layer explorer tests'))('layerReports on fixtures', () => {
  it('explains the synthetic image: whiteout, opaque dir, dir→file, file→symlink, empty layer', async () => {
    const { image } = await importArchive(fixture('generated/sim-oci'));
    const [first, second, third] = layerReports(image);
    expect(lines(first.changes)).toEqual(['A /app', 'A /app/a.txt', 'A /app/b.txt', 'A /app/sub', 'A /app/sub/c.txt', 'A /etc', 'A /etc/conf', 'A /opt', 'A /opt/x', 'A /opt/x/y']);
    expect(first.createdBy).toBe('COPY app /app # buildkit');
    expect(lines(second.changes)).toEqual(['C /app', 'D /app/b.txt', 'C /app/sub', 'D /app/sub/c.txt', 'A /app/sub/d.txt', 'C /etc', 'C /etc/conf', 'C /opt', 'C /opt/x']);
    expect(second.hidden).toEqual(expect.arrayContaining([
      { path: '/app/b.txt', how: 'deleted', bytes: 2 },
      { path: '/app/sub/c.txt', how: 'opaque', bytes: 2 },
      { path: '/opt/x', how: 'replaced', bytes: 2 },
      { path: '/etc/conf', how: 'replaced', bytes: 3 },
    ]));
    expect(second.createdBy).toBe('RUN /bin/sh -c rm /app/b.txt # buildkit');
    expect(third.changes).toEqual([]);
    expect(third.diffID).toBe('sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef');
    expect(third.size).toBe(0);
  });

  it('follows dive\'s test image: cp, chmod, mv and rm -rf', async () => {
    const { image } = await importArchive(fixture('dive/data/test-docker-image.tar'));
    const reports = layerReports(image);
    expect(reports).toHaveLength(14);
    expect(reports[4].createdBy).toBe('/bin/sh -c chmod 444 /root/example/somefile1.txt');
    expect(lines(reports[4].changes)).toEqual(['C /root', 'C /root/example', 'C /root/example/somefile1.txt']);
    expect(lines(reports[7].changes)).toEqual(['C /root', 'C /root/example', 'D /root/example/somefile3.txt', 'A /root/saved.txt']);
    // rm -rf /root/example/ deletes somefile1.txt and somefile2.txt (6405 bytes each; somefile3 was moved away)
    expect(lines(reports[9].changes)).toEqual(['C /root', 'D /root/example']);
    expect(reports[9].hidden).toEqual([{ path: '/root/example', how: 'deleted', bytes: 2 * 6405 }]);
    expect(reports.map((r) => r.size).reduce((a, b) => a + b, 0)).toBe(1220598);
  });

  it('renders headings, changes and what is hidden, cutting long lists', async () => {
    const { image } = await importArchive(fixture('generated/sim-oci'));
    const text = renderLayerReports(layerReports(image), { maxChanges: 3 });
    expect(text).toContain('Layer 2/3  sha256:b993378ad89f  ');
    expect(text).toContain('  D /app/b.txt\n');
    expect(text).toContain('  … 6 more changes\n');
    expect(text).toContain('  hides /app/b.txt (deleted, 2B)\n');
    expect(text).toContain('Layer 3/3  sha256:5f70bf18a086  0B  RUN /bin/sh -c true # buildkit\n  (no changes)');
  });
});

describe('layerReports on a hand-made image', () => {
  const entry = (name: string, type: TarEntry['type'] = 'file', data = ''): TarEntry => ({ name, type, mode: type === 'dir' ? 0o755 : 0o644, uid: 0, gid: 0, mtime: 0, size: data.length, data: type === 'file' ? Buffer.from(data) : undefined });

  it('reports a whiteout of something no lower layer has as nothing at all', () => {
    const disk = new Disk();
    const base = layerFromTar(writeTar([entry('a', 'file', 'x')]), { disk });
    const top = layerFromTar(writeTar([entry('.wh.ghost'), entry('.wh.a')]), { disk });
    const image = makeImage({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [base.diffID, top.diffID] } }, [base, top]);
    const reports = layerReports(image);
    expect(lines(reports[1].changes)).toEqual(['D /a']);
    expect(reports[1].createdBy).toBe('');
  });
});
