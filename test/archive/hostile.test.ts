// Untrusted archives, each hand-made here in a few bytes: every one gives a clear error (or the
// documented safe reading of src/archive/README.md), never a crash, a write outside the target
// or unbounded memory.
import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTar } from '../../src/layer/tar/write';
import type { TarEntry } from '../../src/layer/tar/entry';
import { digestOf } from '../../src/layer/digest';
import { importArchive } from '../../src/archive/import';
import { materialize } from '../../src/archive/materialize';
import { insidePath, keptXattr } from '../../src/archive/real-fs';
import { isArchiveError } from '../../src/archive/errors';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const file = (name: string, data: string | Uint8Array = '', extra: Partial<TarEntry> = {}): TarEntry => {
  const bytes = typeof data === 'string' ? text(data) : data;
  return { name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: bytes.length, data: bytes, ...extra };
};
const link = (name: string, type: 'symlink' | 'hardlink', linkname: string): TarEntry => ({ name, type, linkname, mode: 0o777, uid: 0, gid: 0, mtime: 0, size: 0 });

/** saveArchive: a legacy `docker save` tar around layer blobs (diffIDs computed unless given). */
function saveArchive(blobs: Uint8Array[], { diffIDs, extra = [], manifest }: { diffIDs?: string[]; extra?: TarEntry[]; manifest?: string } = {}): Uint8Array {
  const ids = diffIDs ?? blobs.map((b) => digestOf(b));
  const config = text(JSON.stringify({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: ids } }));
  const configName = `${digestOf(config).slice(7)}.json`;
  const layers = blobs.map((_, i) => `l${i}/layer.tar`);
  const manifestText = manifest ?? JSON.stringify([{ Config: configName, RepoTags: ['t:1'], Layers: layers }]);
  return writeTar([file('manifest.json', manifestText), file(configName, config), ...blobs.map((b, i) => file(layers[i], b)), ...extra]);
}
const layerTar = (entries: TarEntry[]): Uint8Array => writeTar(entries);

async function failure(bytes: Uint8Array, options = {}): Promise<Error & { code?: string; cause?: unknown }> {
  const error = await importArchive(bytes, options).then(() => undefined, (e) => e);
  expect(error, 'the import should fail').toBeInstanceOf(Error);
  return error;
}

describe('hostile outer archives', () => {
  it.each([
    ['an entry climbing out with ..', [file('../evil', 'x')], /climbs out/],
    ['an absolute entry name', [file('/etc/evil', 'x')], /absolute/],
    ['a second manifest.json', [file('manifest.json', '[]')], /appears twice/],
  ])('refuses %s', async (_, extra, message) => {
    const error = await failure(saveArchive([layerTar([file('a', '1')])], { extra }));
    expect(error.code).toBe('EARCHIVE');
    expect(error.message).toMatch(message);
  });

  it('refuses a symlinked parent directory that leads outside the archive', async () => {
    const manifest = JSON.stringify([{ Config: 'c/x.json', RepoTags: null, Layers: [] }]);
    const bytes = writeTar([file('manifest.json', manifest), link('c', 'symlink', '/etc')]);
    expect((await failure(bytes)).message).toMatch(/outside the archive/);
    const relative = writeTar([file('manifest.json', manifest), link('c', 'symlink', '../../etc')]);
    expect((await failure(relative)).message).toMatch(/outside the archive/);
  });

  it('refuses symlink loops and hard links out of the archive', async () => {
    const manifest = JSON.stringify([{ Config: 'a', RepoTags: null, Layers: [] }]);
    expect((await failure(writeTar([file('manifest.json', manifest), link('a', 'symlink', 'b'), link('b', 'symlink', 'a')]))).message).toMatch(/too many levels/);
    expect((await failure(writeTar([file('manifest.json', manifest), link('a', 'hardlink', '../x')]))).message).toMatch(/outside the archive/);
  });

  it('reports a truncated archive and a header declaring more bytes than there are', async () => {
    const bytes = saveArchive([layerTar([file('a', 'x'.repeat(5000))])]);
    expect((await failure(bytes.subarray(0, 2048 + 700))).message).toMatch(/damaged/);
    expect((await failure(bytes.subarray(0, 3000))).code).toBe('EARCHIVE');
  });

  it('reports malformed and mis-shaped manifest.json', async () => {
    const layers = [layerTar([file('a', '1')])];
    expect((await failure(saveArchive(layers, { manifest: '[{"Config": ' }))).message).toMatch(/manifest\.json.*does not parse/);
    expect((await failure(saveArchive(layers, { manifest: '{"Config": "x"}' }))).message).toMatch(/should be a JSON array/);
    expect((await failure(saveArchive(layers, { manifest: '[{"Config": 3, "Layers": []}]' }))).message).toMatch(/Config should be a string/);
  });

  it('names a blob the manifest lists but the archive lacks', async () => {
    const manifest = JSON.stringify([{ Config: 'missing.json', RepoTags: null, Layers: [] }]);
    const error = await failure(writeTar([file('manifest.json', manifest)]));
    expect(error.message).toMatch(/missing\.json.*missing/);
  });

  it('names the layer whose bytes do not match the config, and the config whose name lies', async () => {
    const layer = layerTar([file('a', '1')]);
    const error = await failure(saveArchive([layer], { diffIDs: [digestOf(text('other'))] }));
    expect(error.code).toBe('EDIGEST');
    expect(error.message).toMatch(/layer 1 \(l0\/layer\.tar\)/);
    const lying = writeTar([file('manifest.json', JSON.stringify([{ Config: `${'0'.repeat(64)}.json`, Layers: [] }])), file(`${'0'.repeat(64)}.json`, '{"rootfs":{"type":"layers","diff_ids":[]}}')]);
    expect((await failure(lying)).code).toBe('EDIGEST');
  });

  it('reports a corrupt gzip layer and stops a decompression bomb at the bound', async () => {
    const broken = gzipSync(layerTar([file('a', '1')])).subarray(0, 30);
    const error = await failure(saveArchive([broken], { diffIDs: [digestOf(text('x'))] }));
    expect(error.message).toMatch(/layer 1 cannot be read.*gzip/);
    const bomb = gzipSync(new Uint8Array(4 << 20));
    const limited = await failure(saveArchive([bomb], { diffIDs: [digestOf(text('x'))] }), { maxLayerBytes: 1 << 20 });
    expect(limited.message).toMatch(/decompression bomb/);
    expect(bomb.length).toBeLessThan(10_000);
  });

  it('refuses a layer entry that climbs out, and a hard link to nothing earlier in the layer', async () => {
    for (const entries of [[file('../../escape', 'x')], [link('x', 'hardlink', '../../etc/passwd')], [link('x', 'hardlink', 'later'), file('later', '1')]]) {
      const error = await failure(saveArchive([layerTar(entries)]));
      expect(isArchiveError(error)).toBe(true);
      expect(error.message).toMatch(/l0\/layer\.tar.*layer 1 cannot be read/);
    }
  });
});

describe('documented safe readings of odd layer entries', () => {
  it('reads absolute names relative to the layer root and a/../b as b, as Docker does', async () => {
    const { image } = await importArchive(saveArchive([layerTar([file('/etc/x', '1'), file('a/../b', '2')])]));
    expect([...image.layers[0].tree.root.entries!.keys()].sort()).toEqual(['b', 'etc']);
  });

  it('keeps the last of duplicate entries in a layer, as Docker\'s untar replaces', async () => {
    const { image } = await importArchive(saveArchive([layerTar([file('a', 'first'), file('a', 'second')])]));
    const a = image.layers[0].tree.walk('a')!;
    expect(a.disk.readData(a).toString()).toBe('second');
  });

  it('never follows a symlinked parent: the entry goes into a directory of the layer', async () => {
    const { image } = await importArchive(saveArchive([layerTar([link('evil', 'symlink', '/etc'), file('evil/passwd', 'root')])]));
    expect(image.layers[0].tree.walk('evil')!.type).toBe('dir');
    expect(image.layers[0].tree.walk('evil/passwd')!.type).toBe('file');
  });

  it('imports device nodes (they are data) but materialize refuses to create real ones', async () => {
    const device: TarEntry = { name: 'dev/sda', type: 'block', mode: 0o660, uid: 0, gid: 6, mtime: 0, size: 0, devmajor: 8, devminor: 0 };
    const { image } = await importArchive(saveArchive([layerTar([device])]));
    expect(image.layers[0].tree.walk('dev/sda')!.type).toBe('block');
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-hostile-'));
    try {
      expect(() => materialize(image, { dir: join(dir, 'target') })).toThrow(/block device 8:0/);
      expect(readdirSync(dir)).toEqual(['target']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('checks every name it writes and keeps only harmless xattrs', () => {
    expect(() => insidePath('/tmp/t', ['..', 'etc'])).toThrow(/could leave/);
    expect(() => insidePath('/tmp/t', ['a/b'])).toThrow(/could leave/);
    expect(insidePath('/tmp/t', ['a', 'b'])).toBe('/tmp/t/a/b');
    expect(['trusted.overlay.opaque', 'security.capability', 'user.mime'].every(keptXattr)).toBe(true);
    expect(['trusted.overlay.redirect', 'trusted.overlay.metacopy', 'security.selinux', 'trusted.x'].some(keptXattr)).toBe(false);
  });
});

describe('hostile OCI layouts', () => {
  const blob = (json: unknown): [string, Uint8Array] => { const b = text(JSON.stringify(json)); return [digestOf(b), b]; };
  const layout = (index: unknown, blobs: [string, Uint8Array][]): Uint8Array =>
    writeTar([file('oci-layout', '{"imageLayoutVersion":"1.0.0"}'), file('index.json', JSON.stringify(index)), ...blobs.map(([d, b]) => file(`blobs/sha256/${d.slice(7)}`, b))]);

  it('stops indexes nested deeper than 8 levels', async () => {
    const blobs: [string, Uint8Array][] = [];
    let [digest, bytes] = blob({ schemaVersion: 2, manifests: [] });
    blobs.push([digest, bytes]);
    for (let i = 0; i < 9; i++) {
      [digest, bytes] = blob({ schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: bytes.length }] });
      blobs.push([digest, bytes]);
    }
    const index = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.index.v1+json', digest, size: bytes.length }] };
    expect((await failure(layout(index, blobs))).message).toMatch(/nest too deeply/);
  });

  it('refuses a descriptor whose digest is not a digest, or whose size lies', async () => {
    const bad = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: 'sha256:../../etc/passwd', size: 1 }] };
    expect((await failure(layout(bad, []))).message).toMatch(/not a sha256 or sha512 digest/);
    const [d, b] = blob({ schemaVersion: 2, config: { digest: 'sha256:' + '0'.repeat(64), size: 2 }, layers: [] });
    const lying = { schemaVersion: 2, manifests: [{ mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: d, size: b.length + 1 }] };
    expect((await failure(layout(lying, [[d, b]]))).message).toMatch(/descriptor says/);
  });
});
