// The Go golden tars (fixtures/generated/go-archive-tar-golden, written by Go's archive/tar the way
// moby and containerd configure it) must come out of our writers byte for byte, from the inputs
// cases.json describes.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TarEntry, dockerLayerTar, plainEntry, readTar, writeTar } from '../../../src/layer/tar';
import { haveShared, sharedPath } from '../../helpers/shared';

interface GoldenCase { id: string; entries: Record<string, any>[] }

const dir = (...p: string[]): string => sharedPath('fixtures', 'generated', 'go-archive-tar-golden', ...p);
const available = haveShared('Go golden tars');
const cases: GoldenCase[] = available ? JSON.parse(readFileSync(dir('cases.json'), 'utf8')) : [];
const golden = (id: string): Uint8Array => new Uint8Array(readFileSync(dir(`${id}.tar`)));

/** toEntry turns a cases.json entry (text data, base64 PAX values) into a TarEntry. */
function toEntry(c: Record<string, any>): TarEntry {
  const data = c.data === undefined ? undefined : new TextEncoder().encode(c.data);
  const entry: TarEntry = { name: c.name, type: c.type, mode: c.mode, uid: c.uid ?? 0, gid: c.gid ?? 0, mtime: c.mtime, size: data?.length ?? 0 };
  if (data) entry.data = data;
  if (c.linkname) entry.linkname = c.linkname;
  if (c.devmajor !== undefined) [entry.devmajor, entry.devminor] = [c.devmajor, c.devminor];
  for (const [key, b64] of Object.entries<string>(c.paxB64 ?? {})) {
    entry.xattrs = { ...entry.xattrs, [key.replace('SCHILY.xattr.', '')]: new Uint8Array(Buffer.from(b64, 'base64')) };
  }
  return entry;
}

// Cases whose entries are already what Docker would emit (sorted, canonical names, no type bits).
const DOCKER_FORM = ['buildkit_single_file', 'oci_layer_md_example', 'whiteouts', 'links_and_devices', 'xattr_capability', 'empty'];

describe.skipIf(!available)('Go golden tars', () => {
  it('has the 8 cases PROVENANCE.md lists', () => {
    expect(cases.map((c) => c.id)).toHaveLength(8);
  });

  it.each(cases.map((c) => [c.id, c] as const))('writeTar reproduces %s byte for byte', (id, c) => {
    expect(Buffer.from(writeTar(c.entries.map(toEntry))).equals(golden(id))).toBe(true);
  });

  it.each(cases.map((c) => [c.id] as const))('reading %s gives back the described entries', (id) => {
    const c = cases.find((x) => x.id === id)!;
    const read = readTar(golden(id)).entries.map((e) => ({ ...plainEntry(e), typeBits: undefined }));
    // The reader hands every file a data view, empty ones included.
    const want = c.entries.map(toEntry).map((e) => ({ ...e, mode: e.mode & 0o7777, typeBits: undefined,
      data: e.type === 'file' ? e.data ?? new Uint8Array(0) : undefined }));
    expect(read.map(stripUndefined)).toEqual(want.map(stripUndefined));
  });

  it.each(cases.map((c) => [c.id] as const))('re-writing what was read from %s gives the same bytes', (id) => {
    const { entries, trailer } = readTar(golden(id));
    expect(Buffer.from(writeTar(entries, { trailer })).equals(golden(id))).toBe(true);
  });

  it.each(DOCKER_FORM.map((id) => [id] as const))("dockerLayerTar reproduces %s (already in Docker's form)", (id) => {
    const c = cases.find((x) => x.id === id)!;
    expect(Buffer.from(dockerLayerTar(c.entries.map(toEntry))).equals(golden(id))).toBe(true);
  });

  it('the empty case is the 1024 zero bytes of formats.md §2.1', () => {
    expect(golden('empty')).toEqual(new Uint8Array(1024));
  });
});

function stripUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value, (_k, v) => (v instanceof Uint8Array ? Array.from(v) : v)));
}
