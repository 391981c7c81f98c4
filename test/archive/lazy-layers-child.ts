// Child process of lazy-layers.test.ts: `node --expose-gc --import tsx lazy-layers-child.ts ARCHIVE delete|rewrite|delete-layout`.
// Exports a two-layer image with gzip layers, imports it from the file, lets the garbage collector
// drop the layers' bytes, deletes or rewrites the archive, then reads a file through a mount.
import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { importArchive } from '../../src/archive/import';
import { exportImage } from '../../src/archive/export';
import { layerFromTar } from '../../src/layer/layer';
import { makeImage } from '../../src/image/image';
import { writeTar } from '../../src/layer/tar/write';
import type { TarEntry } from '../../src/layer/tar/entry';
import { Disk } from '../../src/overlay/tree';
import { mount, scratchDirs } from '../../src/overlay/mount';

const file = (name: string, text: string): TarEntry => ({ name, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: text.length, data: Buffer.from(text) });

async function main(path: string, mode: string): Promise<void> {
  const base = layerFromTar(writeTar([file('etc/motd', 'base motd\n')]), { disk: new Disk() });
  const top = layerFromTar(writeTar([file('etc/motd', 'top motd\n')]), { disk: new Disk() });
  const image = makeImage({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [base.diffID, top.diffID] } }, [base, top]);
  exportImage(image, `${mode === 'delete-layout' ? 'oci' : 'oci-archive'}:${path}`, { compression: 'gzip' });

  const { image: imported } = await importArchive(path);
  // Written over in place (same file, new bytes), or deleted.
  if (mode === 'rewrite') writeFileSync(path, Buffer.concat([readFileSync(path), Buffer.alloc(512)]));
  if (mode === 'delete') unlinkSync(path);
  if (mode === 'delete-layout') rmSync(path, { recursive: true });   // an OCI layout directory: its blobs are separate files
  await new Promise((done) => setImmediate(done));   // a new job: WeakRefs may be cleared now
  (globalThis as { gc?: () => void }).gc?.();
  const m = mount({ lowers: imported.layers.map((l) => l.tree).reverse(), ...scratchDirs(imported.layers[0].tree.disk) });
  try {
    console.log(`motd: ${String(m.readFileSync('/etc/motd', 'utf8')).trim()}`);
  } catch (error) {
    console.log(`error: ${(error as Error).message}`);
  }
}

main(process.argv[2], process.argv[3]);
