// The build context: the files `docker build CONTEXT` sends to the daemon, minus what
// `.dockerignore` excludes. It can be held in memory (a memfs Volume, or a plain object of file
// contents for a lesson) or read from a real folder.
import * as nodeFs from 'node:fs';
import { join } from 'node:path';
import { Volume } from 'memfs';
import { isIgnored, parseDockerignore } from '../../dockerfile/dockerignore';

/** ContextFile: one entry of the context, path relative to its root with '/' separators. */
export interface ContextFile {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  mtimeMs: number;
  data?: Uint8Array;
  target?: string;
}

/** BuildContext: what a build may COPY from, sorted by path. */
export interface BuildContext {
  files: Map<string, ContextFile>;
}

/**
 * ContextSource: a folder on disk, a memfs Volume (its `/`), or `{ 'start.sh': '#!/bin/sh…' }`.
 * @example
 * const context: ContextSource = { 'start.sh': 'echo hello\n', 'README.md': '# notes', '.dockerignore': '*.md\n' };
 * [...loadContext(context).files.keys()] // → [ '.dockerignore', 'start.sh' ]
 */
export type ContextSource = string | InstanceType<typeof Volume> | Record<string, string | Uint8Array>;

type ReadFs = Pick<typeof nodeFs, 'readdirSync' | 'lstatSync' | 'readFileSync' | 'readlinkSync'>;

/**
 * loadContext reads a build context, applying its `.dockerignore` (the Dockerfile and
 * .dockerignore themselves are always sent, as Docker does).
 * @example
 * const { files } = loadContext({ 'start.sh': '#!/bin/sh\necho hello\n', 'notes.txt': 'hi' });
 * [...files.values()].map((f) => `${f.path} ${f.mode.toString(8)}`) // → [ 'notes.txt 644', 'start.sh 755' ]
 */
export function loadContext(source: ContextSource = {}): BuildContext {
  const files = new Map<string, ContextFile>();
  if (typeof source === 'string') readTree(nodeFs, source, '', files);
  else if (source instanceof Volume) readTree(source as unknown as ReadFs, '/', '', files);
  else for (const [path, content] of Object.entries(source)) addInline(files, path, content);
  applyIgnore(files);
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) };
}

function addInline(files: Map<string, ContextFile>, path: string, content: string | Uint8Array): void {
  const clean = path.replace(/^\.?\/+/, '');
  const parts = clean.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = parts.slice(0, i).join('/');
    if (!files.has(dir)) files.set(dir, { path: dir, type: 'dir', mode: 0o755, mtimeMs: 0 });
  }
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  // A script in a lesson's context is executable, as it would be after `chmod +x start.sh`.
  const mode = /\.sh$/.test(clean) || (data[0] === 0x23 && data[1] === 0x21) ? 0o755 : 0o644;
  files.set(clean, { path: clean, type: 'file', mode, mtimeMs: 0, data });
}

function readTree(fs: ReadFs, root: string, prefix: string, files: Map<string, ContextFile>): void {
  for (const name of fs.readdirSync(join(root, prefix)) as string[]) {
    const path = prefix ? `${prefix}/${name}` : name;
    const full = join(root, path);
    const stats = fs.lstatSync(full);
    const base = { path, mode: Number(stats.mode) & 0o7777, mtimeMs: Number(stats.mtimeMs) };
    if (stats.isDirectory()) { files.set(path, { ...base, type: 'dir' }); readTree(fs, root, path, files); }
    else if (stats.isSymbolicLink()) files.set(path, { ...base, type: 'symlink', target: String(fs.readlinkSync(full)) });
    else if (stats.isFile()) files.set(path, { ...base, type: 'file', data: fs.readFileSync(full) as Uint8Array });
  }
}

function applyIgnore(files: Map<string, ContextFile>): void {
  const ignore = files.get('.dockerignore');
  if (!ignore?.data) return;
  const patterns = parseDockerignore(Buffer.from(ignore.data).toString('utf8'));
  for (const path of [...files.keys()]) {
    if (path === '.dockerignore' || path === 'Dockerfile') continue;
    if (isIgnored(patterns, path)) files.delete(path);
  }
}

/** contextTarSize: roughly the bytes `docker build` sends (a tar: 512 per header, data in 512 blocks, 1 KiB end). */
export function contextTarSize(context: BuildContext): number {
  let size = 1024;
  for (const file of context.files.values()) size += 512 + Math.ceil((file.data?.length ?? 0) / 512) * 512;
  return size;
}
