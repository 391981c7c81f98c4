// dive's efficiency numbers. For dive's own test image the expected values are the ones dive's
// test suite asserts (dive/image/docker/image_archive_analysis_test.go); for the hand-made images
// they follow from the formula stated in src/archive/efficiency.ts.
import { describe, expect, it } from 'vitest';
import { haveShared, sharedPath } from '../helpers/shared';
import { importArchive } from '../../src/archive/import';
import { efficiencyReport } from '../../src/archive/efficiency';
import { renderEfficiency } from '../../src/archive/report-text';
import { layerFromTar } from '../../src/layer/layer';
import { makeImage } from '../../src/image/image';
import { writeTar } from '../../src/layer/tar/write';
import type { TarEntry } from '../../src/layer/tar/entry';
import { Disk } from '../../src/overlay/tree';

describe.skipIf(!haveShared('dive efficiency test'))('efficiencyReport on dive\'s test image', () => {
  it('gives exactly the numbers dive\'s own test asserts', async () => {
    const { image } = await importArchive(sharedPath('fixtures', 'dive/data/test-docker-image.tar'));
    const report = efficiencyReport(image);
    expect(report.score).toBe(0.9844212134184309);
    expect(report.sizeBytes).toBe(1220598);
    expect(report.userSizeBytes).toBe(66237);
    expect(report.wastedBytes).toBe(32025);
    expect(report.wastedUserPercent).toBe(0.4834911001404049);
    const text = renderEfficiency(report);
    expect(text).toContain('efficiency: 98.4421 %');
    expect(text).toContain('wastedBytes: 32025 bytes (32kB)');
  });
});

describe('efficiencyReport by the formula', () => {
  const file = (name: string, size: number): TarEntry => ({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size, data: new Uint8Array(size) });
  const image = (...layers: TarEntry[][]) => {
    const disk = new Disk();
    const built = layers.map((entries) => layerFromTar(writeTar(entries), { disk }));
    return makeImage({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: built.map((l) => l.diffID) } }, built);
  };

  it('scores a file rewritten smaller as min/cumulative, all of it wasted', () => {
    const report = efficiencyReport(image([file('a', 100)], [file('a', 50)]));
    expect(report.score).toBeCloseTo(50 / 150, 12);
    expect(report.wastedBytes).toBe(150);
    expect(report.inefficiencies).toEqual([{ path: '/a', count: 2, bytes: 150 }]);
    expect(report.userSizeBytes).toBe(50);
  });

  it('counts a deleted file as its earlier size wasted, with a score of 0 for that path', () => {
    const report = efficiencyReport(image([file('a', 100)], [file('.wh.a', 0)]));
    expect(report.score).toBe(0);
    expect(report.wastedBytes).toBe(100);
  });

  it("sizes a deleted directory by what it held, like dive (and like dive, does not call it waste)", () => {
    const report = efficiencyReport(image([file('d/x', 30), file('d/y', 70)], [file('.wh.d', 0)]));
    expect(report.score).toBe(1);
    expect(report.wastedBytes).toBe(0);
  });

  it('is 1 for an image with nothing in it', () => {
    expect(efficiencyReport(image()).score).toBe(1);
    expect(renderEfficiency(efficiencyReport(image()))).toContain('No file is stored twice.');
  });
});
