// COPY and ADD in the classic builder: which context files a source names, where they land, with
// which owner and mode, and the content hash that names the step in history and in the build cache
// (formats.md 2.3, 2.4).
import { createHash } from 'node:crypto';
import type { CopyInstruction } from '../../dockerfile/types';
import type { OverlayMount } from '../../overlay/mount';
import type { BuildContext, ContextFile } from './context';
import { BuildError } from './errors';
import { detectCompression, decompress } from '../../layer/compression';
import { readTar } from '../../layer/tar/read';
import { layerPath } from '../../layer/apply';

/** Match: a context file chosen by a COPY source, and its path relative to what the source named. */
interface Match {
  file: ContextFile;
  relative: string;
}

/** selectSources: the context files each source names (wildcards as Go's filepath.Match, per component). */
export function selectSources(copy: CopyInstruction, context: BuildContext): Match[][] {
  return copy.sources.map((source) => {
    const clean = source.replace(/^\.?\/+/, '').replace(/\/+$/, '');
    if (clean === '..' || clean.startsWith('../')) throw new BuildError(`COPY failed: forbidden path outside the build context: ${source} ()`, copy.position);
    const matches = clean === '' || clean === '.' ? wholeContext(context) : matchSource(clean, context);
    if (matches.length === 0) throw new BuildError(`COPY failed: file not found in build context or excluded by .dockerignore: stat ${clean}: file does not exist`, copy.position);
    return matches;
  });
}

function wholeContext(context: BuildContext): Match[] {
  return [...context.files.values()].map((file) => ({ file, relative: file.path }));
}

function matchSource(pattern: string, context: BuildContext): Match[] {
  const regex = new RegExp('^' + pattern.split('/').map(globPart).join('/') + '$');
  const roots = [...context.files.values()].filter((file) => regex.test(file.path));
  return roots.flatMap((root) => root.type === 'dir'
    ? [...context.files.values()].filter((f) => f.path.startsWith(root.path + '/')).map((file) => ({ file, relative: file.path.slice(root.path.length + 1) }))
    : [{ file: root, relative: root.path.split('/').pop()! }]);
}

function globPart(part: string): string {
  return part.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
}

/** sourceHash: `file:<sha256>` for one file, `dir:` for a directory, `multi:` for several (formats.md 2.4). */
export function sourceHash(copy: CopyInstruction, selected: Match[][]): string {
  const hashes = selected.map((matches, i) => {
    const single = matches.length === 1 && matches[0].relative === matches[0].file.path.split('/').pop() && !copy.sources[i].endsWith('/') && matches[0].file.type !== 'dir';
    const digest = sha256(matches.map(({ file, relative }) => tarsumOf(file, relative)).join(''));
    return `${single ? 'file' : 'dir'}:${digest}`;
  });
  return hashes.length === 1 ? hashes[0] : `multi:${sha256(hashes.join(','))}`;
}

/** tarsumOf: TarSum v1's view of a file: header fields without mtime, then the content. */
function tarsumOf(file: ContextFile, name: string): string {
  const header = `name${name}mode${file.mode}uid0gid0size${file.data?.length ?? 0}typeflag${file.type === 'dir' ? 5 : file.type === 'symlink' ? 2 : 0}linkname${file.target ?? ''}unamegnamedevmajor0devminor0`;
  return header + sha256(file.data ?? new Uint8Array(0));
}

function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Owner: uid and gid for --chown (names looked up in the image's /etc/passwd and /etc/group). */
export function ownerFor(copy: CopyInstruction, rootfs: OverlayMount): { uid: number; gid: number } {
  if (!copy.chown) return { uid: 0, gid: 0 };
  const [user, group = user] = copy.chown.split(':');
  const uid = idOf(rootfs, '/etc/passwd', user, 2, copy);
  const gid = group === user && !/^\d+$/.test(group) ? idOf(rootfs, '/etc/passwd', user, 3, copy) : idOf(rootfs, '/etc/group', group, 2, copy);
  return { uid, gid };
}

function idOf(rootfs: OverlayMount, file: string, name: string, field: number, copy: CopyInstruction): number {
  if (/^\d+$/.test(name)) return Number(name);
  const text = rootfs.existsSync(file) ? String(rootfs.readFileSync(file, 'utf8')) : '';
  const line = text.split('\n').find((l) => l.split(':')[0] === name);
  if (!line) throw new BuildError(`unable to convert uid/gid chown string to host mapping: can't find uid for user ${name}: no such user: ${name}`, copy.position);
  return Number(line.split(':')[field]);
}

/**
 * copyInto performs a COPY/ADD through the step's overlay mount: parents are made, files written
 * with their context mode (or --chmod) and owner, times kept; ADD of a local tar archive unpacks it.
 */
export function copyInto(rootfs: OverlayMount, copy: CopyInstruction, selected: Match[][]): void {
  const owner = ownerFor(copy, rootfs);
  const chmod = copy.chmod ? parseInt(copy.chmod, 8) : undefined;
  const all = selected.flat();
  const intoDir = copy.destinationIsDirectory || all.length > 1 || selected.some((m) => m.some((x) => x.relative !== x.file.path.split('/').pop()));
  const dest = copy.resolvedDestination;
  for (const { file, relative } of all) {
    if (copy.kind === 'ADD' && file.type === 'file' && isArchive(file.data!)) { unpack(rootfs, file.data!, intoDir ? dest : parentOf(dest), owner); continue; }
    const target = intoDir ? joinPath(dest, relative) : dest;
    writeOne(rootfs, file, target, owner, chmod);
  }
}

function writeOne(rootfs: OverlayMount, file: ContextFile, target: string, owner: { uid: number; gid: number }, chmod?: number): void {
  rootfs.mkdirSync(parentOf(target), { recursive: true });
  if (file.type === 'dir') { if (!rootfs.existsSync(target)) rootfs.mkdirSync(target); }
  else if (file.type === 'symlink') { rootfs.rmSync(target, { force: true }); rootfs.symlinkSync(file.target!, target); }
  else rootfs.writeFileSync(target, file.data!);
  if (file.type !== 'symlink') rootfs.chmodSync(target, chmod ?? file.mode);
  rootfs.lchownSync(target, owner.uid, owner.gid);
  if (file.type !== 'symlink') rootfs.utimesSync(target, file.mtimeMs / 1000, file.mtimeMs / 1000);
}

function isArchive(data: Uint8Array): boolean {
  if (detectCompression(data) !== 'none') return true;
  return data.length >= 512 && Buffer.from(data.subarray(257, 262)).toString('latin1') === 'ustar';
}

function unpack(rootfs: OverlayMount, data: Uint8Array, dir: string, owner: { uid: number; gid: number }): void {
  const tar = detectCompression(data) === 'none' ? data : decompress(data);
  for (const entry of readTar(tar).entries) {
    const target = joinPath(dir, layerPath(entry.name).join('/'));
    if (entry.type === 'dir') rootfs.mkdirSync(target, { recursive: true });
    else if (entry.type === 'symlink') { rootfs.mkdirSync(parentOf(target), { recursive: true }); rootfs.symlinkSync(entry.linkname ?? '', target); }
    else if (entry.type === 'file') { rootfs.mkdirSync(parentOf(target), { recursive: true }); rootfs.writeFileSync(target, entry.data ?? new Uint8Array(0)); rootfs.chmodSync(target, entry.mode); }
    else continue;
    // ADD keeps the archive's owners unless --chown says otherwise.
    rootfs.lchownSync(target, owner.uid || entry.uid, owner.gid || entry.gid);
  }
}

function joinPath(dir: string, relative: string): string {
  return relative === '' ? dir : `${dir.replace(/\/+$/, '')}/${relative}`;
}

function parentOf(path: string): string {
  const at = path.replace(/\/+$/, '').lastIndexOf('/');
  return at <= 0 ? '/' : path.slice(0, at);
}
