// Writing export files out: as a tar the way Docker writes its save tars (Go archive/tar via the
// same writer as layers: walk order, no root entry, dirs 0755 and files 0644 owned by 0:0,
// two zero blocks and no padding), or into a directory.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TarEntry } from '../layer/tar/entry';
import { dockerLayerTar } from '../layer/tar/docker';
import type { OutputFile } from './layout-files';

/**
 * layoutTar packs export files into one tar. Directories (`blobs/`, `blobs/sha256/`) get
 * `dirMtime` — Docker gives them the image's created time (formats.md 4.2).
 *
 * @example
 * writeFileSync('out.tar', layoutTar(dockerSaveFiles(image, { tags: ['sim:latest'] }), createdSeconds(image)));
 */
export function layoutTar(files: OutputFile[], dirMtime = 0): Uint8Array {
  const entries: TarEntry[] = [];
  const dirs = new Set<string>();
  for (const file of files) {
    const parts = file.path.split('/');
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
    entries.push({ name: file.path, type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: file.mtime, size: file.bytes.length, data: file.bytes });
  }
  for (const dir of dirs) entries.push({ name: `${dir}/`, type: 'dir', mode: 0o755, uid: 0, gid: 0, mtime: dirMtime, size: 0 });
  return dockerLayerTar(entries);
}

/**
 * writeLayoutDirectory writes export files under `dir` (created when missing). Files of the same
 * name are replaced; other files already there are left alone, so blobs of other images stay.
 *
 * @example
 * writeLayoutDirectory(ociLayoutFiles(image, { tags: ['latest'] }), '/tmp/oci-out');
 */
export function writeLayoutDirectory(files: OutputFile[], dir: string): void {
  for (const file of files) {
    const path = join(dir, ...file.path.split('/'));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
  }
}
