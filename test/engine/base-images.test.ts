// A bundled base image names its layer's diffID in image.json (config.rootfs, written by
// scripts/base-diffids.ts), and a host trusts it instead of hashing the generated tar: so it must
// be the sha256 of exactly the tar the bundled files make.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { listBaseImages, loadBaseImage } from '../../src/image/bases';
import { baseLayerEntries, imageOfBase } from '../../src/engine/base-images';
import { writeTar } from '../../src/layer/tar/write';
import { Disk } from '../../src/overlay/tree';

const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('bundled base images', () => {
  it.each(listBaseImages())('%s names the diffID of the layer its files make (else run scripts/base-diffids.ts)', (reference) => {
    const base = loadBaseImage(reference);
    expect(base.config.rootfs?.diff_ids).toEqual([sha256(writeTar(baseLayerEntries(base)))]);
  });

  it('generates a file of a pulled layer when it is read: the bytes loadBaseImage gives', () => {
    const centos = loadBaseImage('centos');
    const [layer] = imageOfBase(centos, new Disk()).layers;
    for (const path of ['/usr/bin/bash', '/etc/centos-release', '/root/.bash_profile']) {
      const inode = layer.tree.walk(path)!;
      const file = centos.files.find((f) => f.path === path)!;
      expect([inode.size, inode.view]).toEqual([file.size, undefined]);
      expect(inode.disk.readData(inode)).toEqual(Buffer.from(file.content!));
    }
  });

  it.each(listBaseImages())('%s pulled gives a layer whose tar hashes to its diffID', (reference) => {
    const [layer] = imageOfBase(loadBaseImage(reference), new Disk()).layers;
    expect(sha256(layer.tar)).toBe(layer.diffID);
  });
});
