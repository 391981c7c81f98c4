// Reader and writer details beyond the golden files: views instead of copies, offsets, GNU long
// names, PAX rules from Go's writer, and the fidelity fields that let odd tars round-trip.
import { describe, expect, it } from 'vitest';
import { TarEntry, readTar, walkTar, writeTar } from '../../../src/layer/tar';
import { haveShared } from '../../helpers/shared';
import { archiveSource, dockerSaveImages } from '../image-fixtures';

const text = (s: string): Uint8Array => new TextEncoder().encode(s);
const ascii = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');
const file = (name: string, content: string, more: Partial<TarEntry> = {}): TarEntry =>
  ({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 1700000000, size: content.length, data: text(content), ...more });
const roundTrip = (entries: TarEntry[]): Uint8Array => {
  const first = writeTar(entries);
  const { entries: read, trailer } = readTar(first);
  const second = writeTar(read, { trailer });
  expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  return first;
};

describe('walkTar', () => {
  it('reports header and data offsets and hands out views into the input, not copies', () => {
    const tar = writeTar([file('a', 'x'.repeat(600)), file('b', 'y')]);
    const steps = [...walkTar(tar)];
    expect(steps.map((s) => [s.index, s.headerOffset, s.dataOffset])).toEqual([[0, 0, 512], [1, 1536, 2048]]);
    expect(steps[0].entry.data!.buffer).toBe(tar.buffer);
    expect(steps[0].entry.data!.byteOffset).toBe(tar.byteOffset + 512);
  });

  it('returns the trailer as what follows the last entry', () => {
    const tar = writeTar([file('a', 'x')], { trailer: new Uint8Array(10240 - 1024) });
    expect(readTar(tar)).toMatchObject({ trailerOffset: 1024 });
    expect(readTar(tar).trailer.length).toBe(9216);
  });

  it('accepts an archive that simply stops after an entry, as Go does', () => {
    const tar = writeTar([file('a', 'x')], { trailer: new Uint8Array(0) });
    expect(readTar(tar).entries.map((e) => e.name)).toEqual(['a']);
  });
});

describe("writeTar follows Go's archive/tar", () => {
  it('ends with exactly two zero blocks', () => {
    expect(writeTar([]).length).toBe(1024);
    expect(writeTar([file('a', 'x')]).length).toBe(512 + 512 + 1024);
  });

  it('puts a uid above 0o7777777 in a PAX record and 0 in the header', () => {
    const tar = roundTrip([file('home/big', 'x', { uid: 3000000 })]);
    expect(ascii(tar.subarray(512, 512 + 15))).toBe('15 uid=3000000\n');
    expect(ascii(tar.subarray(1024 + 108, 1024 + 116))).toBe('0000000\0');
  });

  it('writes a sub-second mtime as a PAX record with trailing zeros trimmed', () => {
    const tar = roundTrip([file('t', 'x', { mtime: 1700000000.5 })]);
    expect(ascii(tar.subarray(512, 512 + 22))).toBe('22 mtime=1700000000.5\n');
    expect(readTar(tar).entries[0].mtime).toBe(1700000000.5);
  });

  it('writes a PAX record whose length gains a digit correctly (Go recomputes once)', () => {
    // " path=" + 91 chars + "\n" is 98 bytes; with "98" it is 100, so the length must say 101.
    const name = 'n'.repeat(89) + '\u00e9';
    const tar = roundTrip([file(name, 'x')]);
    expect(ascii(tar.subarray(512, 516))).toBe('101 ');
  });

  it('uses GNU long-name records for long names when the entry asks for GNU format', () => {
    const long = 'd/'.repeat(80) + 'file';
    const tar = roundTrip([file(long, 'x', { format: 'gnu' })]);
    expect(ascii(tar.subarray(0, 13))).toBe('././@LongLink');
    expect(ascii(tar.subarray(156, 157))).toBe('L');
    expect(readTar(tar).entries[0]).toMatchObject({ name: long, format: 'gnu' });
  });

  it.each([
    ['a NUL in the name', file('a\0b', 'x')],
    ['data shorter than size', { ...file('a', 'xy'), size: 5 }],
    ['a negative uid', file('a', 'x', { uid: -1 })],
    ['a device number too big for ustar', { ...file('d', ''), type: 'char', devmajor: 0o10000000 } as TarEntry],
  ])('refuses %s with a TarFormatError', (_what, entry) => {
    expect(() => writeTar([entry])).toThrow(/ETARFORMAT/);
  });
});

describe('fidelity fields', () => {
  it('keeps a NUL typeflag and file-type bits (Docker 18.09 whiteouts and modes)', () => {
    const entries: TarEntry[] = [
      { ...file('root/.wh.x', ''), mode: 0, typeflag: '\0' },
      { ...file('root/a', 'a'), typeBits: 0o100000 },
    ];
    const tar = roundTrip(entries);
    expect(tar[156]).toBe(0);
    expect(ascii(tar.subarray(512 + 100, 512 + 108))).toBe('0100644\0');
    expect(readTar(tar).entries.map((e) => [e.type, e.typeflag, e.typeBits])).toEqual([['file', '\0', undefined], ['file', undefined, 0o100000]]);
  });

  it("keeps another writer's spelling of numbers (GNU tar leaves devmajor blank)", () => {
    const blank = '\0'.repeat(8);
    const tar = roundTrip([file('tmp/foo', 'foo\n', { format: 'gnu', uname: 'root', gname: 'root', rawFields: { devmajor: blank, devminor: blank } })]);
    expect(ascii(tar.subarray(329, 345))).toBe(blank + blank);
    expect(ascii(tar.subarray(257, 265))).toBe('ustar  \0');
  });

  it('drops a raw spelling once the value changes', () => {
    const entry = file('a', 'x', { rawFields: { mode: ' 644  \0 ' } });
    expect(ascii(writeTar([entry]).subarray(100, 108))).toBe(' 644  \0 ');
    expect(ascii(writeTar([{ ...entry, mode: 0o600 }]).subarray(100, 108))).toBe('0000600\0');
  });

  it('keeps PAX records Go would not write, in their original order', () => {
    const tar = roundTrip([file('a', 'x', { pax: { comment: 'hi', path: 'a' }, paxOrder: ['path', 'comment'] })]);
    expect(ascii(tar.subarray(512, 512 + 23))).toBe('9 path=a\n14 comment=hi\n');
    const [read] = readTar(tar).entries;
    expect(read.pax).toEqual({ path: 'a', comment: 'hi' });
  });

  it('keeps a USTAR prefix split that differs from the one Go would choose', () => {
    // Go splits at the last possible '/': prefix 'aaa…/bbb…', name 'ccc…'. Another writer chose the first.
    const [a, b, c] = ['a'.repeat(60), 'b'.repeat(30), 'c'.repeat(20)];
    const name = `${a}/${b}/${c}`;
    const tar = roundTrip([file(name, 'x', { prefix: a })]);
    expect(ascii(tar.subarray(0, 52))).toBe(`${b}/${c}\0`);
    expect(readTar(tar).entries[0]).toMatchObject({ name, prefix: a });
    expect(ascii(writeTar([file(name, 'x')]).subarray(0, 21))).toBe(`${c}\0`);
  });
});

describe.skipIf(!haveShared('dive fixture'))('reading the Docker 18.09 layers of the dive image', () => {
  it("reads the '\\0'-typeflag whiteouts with mode 0 that formats.md §7.4 describes", () => {
    const [image] = dockerSaveImages(archiveSource('dive/data/test-docker-image.tar'));
    const whiteouts = image.layerBlobs.flatMap((blob) => readTar(blob).entries).filter((e) => e.name.includes('.wh.'));
    expect(whiteouts.map((e) => e.name).sort()).toEqual(['root/.wh.example', 'root/example/.wh.somefile3.txt']);
    for (const w of whiteouts) expect(w).toMatchObject({ type: 'file', typeflag: '\0', mode: 0, size: 0 });
  });

  it('reads the busybox layer: 415 entries, 392 of them hard links, modes carrying type bits', () => {
    const [image] = dockerSaveImages(archiveSource('dive/data/test-docker-image.tar'));
    const { entries } = readTar(image.layerBlobs[0]);
    expect(entries).toHaveLength(415);
    expect(entries.filter((e) => e.type === 'hardlink')).toHaveLength(392);
    expect(entries.every((e) => e.typeBits === (e.type === 'dir' ? 0o40000 : 0o100000))).toBe(true);
  });
});
