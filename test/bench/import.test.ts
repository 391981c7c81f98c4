// The import suite's harness: the generated archive is the one promised (files, layers, size), both
// variants hold the same image and import with the diffIDs computed here independently (sha256 of
// each layer tar), the reference pipelines check real digests, and records keep skip reasons.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dockerLayerTar, readTar } from '../../src/layer/tar/index';
import { importArchive } from '../../src/archive/import';
import { FULL_ARCHIVE, planArchive, type ArchivePlan } from '../../bench/import/archive-plan';
import { benchImage, writeBenchArchive } from '../../bench/import/write-archive';
import { tarSha256sum, skopeoUmoci, whyNotInstalled, workspace } from '../../bench/import/references';
import { importNames, runImportSuite } from '../../bench/import/suite';
import { isFailed, takeTurns } from '../../bench/harness/turns';
import { testContext } from './context';

const SMALL = { files: 300, layers: 4, contentBytes: 600_000, seed: 7 };
const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
const regularFiles = (plan: ArchivePlan, layer: number): number =>
  plan.layers[layer].filter((e) => e.type === 'file' && !e.name.split('/').pop()!.startsWith('.wh.')).length;

describe('the generated archive', () => {
  it('at full size holds 50,000 regular files over 10 layers, and its layer tars alone pass 200 MB', () => {
    const plan = planArchive(FULL_ARCHIVE);
    expect(plan.layers).toHaveLength(10);
    const files = plan.layers.map((_, i) => regularFiles(plan, i)).reduce((a, b) => a + b, 0);
    expect(files).toBe(50_000);
    const tarBytes = plan.layers.reduce((sum, entries) => sum + dockerLayerTar(entries).length, 0);
    expect(tarBytes).toBeGreaterThan(200 * 1024 * 1024);
  });

  it('is the same for the same seed and differs for another', () => {
    const digests = (seed: number): string[] => planArchive({ ...SMALL, seed }).layers.map((entries) => sha256(dockerLayerTar(entries)));
    expect(digests(7)).toEqual(digests(7));
    expect(digests(8)).not.toEqual(digests(7));
  });

  it('has higher layers that replace and delete lower files', () => {
    const plan = planArchive({ ...SMALL, files: 4000 });
    const names = (i: number): Set<string> => new Set(plan.layers[i].filter((e) => e.type === 'file').map((e) => e.name));
    const lower = new Set([...names(0), ...names(1)]);
    const upper = [...names(2), ...names(3)];
    expect(upper.some((name) => lower.has(name))).toBe(true);
    expect(upper.some((name) => name.includes('/.wh.') && lower.has(name.replace('/.wh.', '/')))).toBe(true);
  });
});

describe('the written archives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-import-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const plan = planArchive(SMALL);
  const diffIDs = plan.layers.map((entries) => sha256(dockerLayerTar(entries)));
  const image = benchImage(plan);
  const none = writeBenchArchive(image, join(dir, 'none.tar'), 'none');
  const gzip = writeBenchArchive(image, join(dir, 'gzip.tar'), 'gzip');

  it.each([['uncompressed', none], ['gzip', gzip]])('(%s) import with verification, giving the layers computed here', async (_, archive) => {
    const { image: imported } = await importArchive(archive.path, { verify: true });
    expect(imported.layers.map((l) => l.diffID)).toEqual(diffIDs);
    expect(imported.id).toBe(sha256(image.configBytes));
    expect(archive.bytes).toBe(readFileSync(archive.path).length);
  });

  it('store layers as promised: plain tars in the Docker save, gzip files named by their digest in the other', () => {
    const files = (path: string) => new Map(readTar(readFileSync(path)).entries.map((e) => [e.name, e.data!]));
    const plain = files(none.path);
    expect(none.layerFiles.map((f) => sha256(plain.get(f)!))).toEqual(diffIDs);
    const zipped = files(gzip.path);
    for (const name of gzip.layerFiles) {
      expect([...zipped.get(name)!.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
      expect(sha256(zipped.get(name)!)).toBe(`sha256:${name.replace('.tar.gz', '')}`);
    }
    expect(JSON.parse(Buffer.from(zipped.get('manifest.json')!).toString())[0].Config).toBe(image.id);
  });

  describe.skipIf(whyNotInstalled(['bash', 'tar', 'sha256sum', 'gzip']) !== undefined)('tar | sha256sum', () => {
    it.each([['uncompressed', none], ['gzip', gzip]])('(%s) prints every digest the archive must have', async (_, archive) => {
      const ws = workspace();
      try {
        expect(await tarSha256sum(ws, archive)()).toBeGreaterThan(0);
        const wrong = { ...archive, diffIDs: [`sha256:${'0'.repeat(64)}`] };
        await expect(tarSha256sum(ws, wrong)()).rejects.toThrow(/did not print 1 expected digest/);
      } finally {
        ws.release();
      }
    });
  });

  describe.skipIf(whyNotInstalled(['skopeo', 'umoci']) !== undefined)('skopeo + umoci', () => {
    it('unpack the uncompressed archive: a file of the top layer has its bytes in the rootfs', async () => {
      const ws = workspace();
      try {
        expect(await skopeoUmoci(ws, none)()).toBeGreaterThan(0);
        const top = plan.layers[plan.layers.length - 1].find((e) => e.type === 'file' && e.size > 0 && !e.name.includes('/.wh.'))!;
        expect(Buffer.compare(readFileSync(join(ws.dir, 'skopeo-umoci', 'rootfs', top.name)), Buffer.from(top.data!))).toBe(0);
      } finally {
        ws.release();
      }
    });
  });
});

describe('the import suite', () => {
  it('records layerlab against both tools and the memory against the archive size, keeping skip reasons', async () => {
    const records = await runImportSuite(testContext({ only: ['.gzip'], referenceOff: 'switched off in a test' }), SMALL, { warmup: 0, runs: 1 });
    const names = importNames('gzip');
    expect(records.map((r) => r.name)).toEqual([names.skopeo, names.tar, names.memory]);
    for (const r of records.slice(0, 2)) {
      expect(r.reference).toMatchObject({ skipped: 'switched off in a test' });
      expect([r.ratio, r.met, r.target]).toEqual([null, false, 1]);
      expect(r.layerlab.unit).toBe('ms');
      expect(r.layerlab.value).toBeGreaterThan(0);
    }
    const memory = records[2];
    expect(memory.reference).toMatchObject({ unit: 'MB' });
    expect(memory.layerlab.unit).toBe('MB');
    expect(memory.target).toBe(1.5);
    expect(memory.inputs).toMatchObject({ files: 300, layers: 4, quick: true, runs: 1 });
    expect((memory.notes ?? []).filter((n) => n.includes('returned image'))).toEqual([]);
  });

  it('measures nothing, and makes no archive, when no import measurement is wanted', async () => {
    expect(await runImportSuite(testContext({ only: ['overlay.'] }), SMALL, { warmup: 0, runs: 1 })).toEqual([]);
  });
});

describe('takeTurns', () => {
  it('runs the sides in turn and keeps the reason of a side that failed, measuring the others', async () => {
    const calls: string[] = [];
    const side = (label: string, fail = false) => async (): Promise<number> => {
      calls.push(label);
      if (fail) throw new Error(`${label} broke`);
      return 1;
    };
    const [a, b, c] = await takeTurns({ warmup: 1, runs: 2 }, [side('a'), side('b', true), side('c')]);
    expect(calls).toEqual(['a', 'b', 'c', 'a', 'c', 'a', 'c']);
    expect(isFailed(b) && b.failed).toBe('b broke');
    expect(!isFailed(a) && a.samplesMs).toEqual([1, 1]);
    expect(!isFailed(c) && c.medianMs).toBe(1);
  });
});

describe('whyNotInstalled', () => {
  it('names a missing tool and how to get it, and says nothing when all are there', () => {
    expect(whyNotInstalled(['sh', 'no-such-tool-here'])).toBe('no-such-tool-here is not installed (Debian: apt-get install no-such-tool-here)');
    expect(whyNotInstalled(['sh'])).toBeUndefined();
  });
});
