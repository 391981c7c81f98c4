// Base images: the root filesystems that `FROM centos:latest` and friends start from.
// Each one lives in assets/bases/<name>-<tag>/ as three parts (format in assets/bases/README.md):
//   image.json  the config defaults and `docker history` line of the real image,
//   rootfs.txt  one line per path: type, mode, owner, path, then size / target / device,
//   files/      the few small text files whose real content matters (os-release, passwd…).
// "Binaries" are not stored: their size is declared and placeholder bytes are generated here,
// so the repository stays small while `du` and layer sizes look like the real thing.
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** BaseFileType: the kinds of entry a base root filesystem may hold. */
export type BaseFileType = 'file' | 'dir' | 'symlink' | 'char' | 'block' | 'fifo';

/**
 * BaseFile: one path of a base image. `mtime` is in whole seconds since the epoch (tar precision).
 * A file's `size` is known without its bytes; `content` gives them: the real text of a few files,
 * placeholder bytes (generated when read, never stored) for the "binaries". Do not change them.
 * @example
 * const bash = loadBaseImage('centos').files.find((f) => f.path === '/usr/bin/bash')!;
 * [bash.type, bash.mode.toString(8)] // → [ 'file', '755' ]
 */
export interface BaseFile {
  path: string;
  type: BaseFileType;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  size?: number;
  content?: Uint8Array;
  target?: string;
  rdev?: { major: number; minor: number };
}

/** BaseImageConfig: the image config fields a base image sets (OCI config shape, Docker key names). */
export interface BaseImageConfig {
  architecture: string;
  os: string;
  created: string;
  config: { Env: string[]; Cmd: string[]; Labels: Record<string, string> | null; WorkingDir?: string };
  /**
   * The diffID of the layer the bundled files make, as a real config lists its layers; written by
   * scripts/base-diffids.ts, so a process pulling the image need not hash 37 MB to learn it.
   */
  rootfs?: { type: 'layers'; diff_ids: string[] };
}

/** BaseHistoryEntry: one `config.history` entry of the real image. */
export interface BaseHistoryEntry {
  created: string;
  created_by: string;
  empty_layer?: boolean;
  comment?: string;
}

/**
 * BaseImage: a bundled base image as plain data; `files` are sorted, parents before children.
 * @example
 * const { name, tag, config } = loadBaseImage('alpine');
 * [name, tag, config.config.Cmd] // → [ 'alpine', 'latest', [ '/bin/sh' ] ]
 */
export interface BaseImage {
  name: string;
  tag: string;
  aliases: string[];
  config: BaseImageConfig;
  history: BaseHistoryEntry[];
  files: BaseFile[];
}

/**
 * UnknownBaseImageError: `loadBaseImage` was asked for an image that is not bundled.
 * @example
 * try { loadBaseImage('fedora') } catch (e) { if (e instanceof UnknownBaseImageError) console.log(e.data.known) } // → [ 'alpine:latest', 'centos:latest', 'debian:bookworm' ]
 */
export class UnknownBaseImageError extends Error {
  readonly code = 'UnknownBaseImageError';
  readonly name = 'UnknownBaseImageError';
  constructor(readonly data: { requested: string; known: string[] }) {
    super(`No bundled base image "${data.requested}". Bundled images: ${data.known.join(', ')}. ` +
      'Use one of these in FROM (layerlab works offline and cannot pull).');
  }
}

interface ImageJson {
  name: string;
  tag: string;
  aliases?: string[];
  mtime: string;
  config: BaseImageConfig;
  history: BaseHistoryEntry[];
}

/** The assets folder, found through the real path so it also works via notebooks/lib -> ../src. */
function basesDir(): string {
  return resolve(realpathSync(__dirname), '../../assets/bases');
}

function readImageJson(folder: string): ImageJson {
  return JSON.parse(readFileSync(join(basesDir(), folder, 'image.json'), 'utf8')) as ImageJson;
}

function bundledFolders(): string[] {
  return readdirSync(basesDir(), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(basesDir(), d.name, 'image.json')))
    .map((d) => d.name)
    .sort();
}

/**
 * listBaseImages returns the `name:tag` of every bundled base image, sorted.
 * @example
 * listBaseImages() // → [ 'alpine:latest', 'centos:latest', 'debian:bookworm' ]
 */
export function listBaseImages(): string[] {
  return bundledFolders().map((folder) => {
    const image = readImageJson(folder);
    return `${image.name}:${image.tag}`;
  });
}

/** Docker's short names: `centos` means `centos:latest`, `docker.io/library/` is implied. */
function normalizeReference(reference: string): string {
  const short = reference.replace(/^(docker\.io\/)?(library\/)?/, '');
  return short.includes(':') ? short : `${short}:latest`;
}

function findFolder(reference: string): string | undefined {
  const wanted = normalizeReference(reference);
  return bundledFolders().find((folder) => {
    const image = readImageJson(folder);
    return [`${image.name}:${image.tag}`, ...(image.aliases ?? [])].includes(wanted);
  });
}

/**
 * loadBaseImage returns a bundled base image (config, history and every file with its bytes).
 * Accepts `centos`, `centos:latest`, `docker.io/library/centos:8` and the other aliases in image.json.
 * Throws UnknownBaseImageError listing the bundled names when there is no such image.
 * @example
 * const centos = loadBaseImage('centos:latest');
 * centos.files.find((f) => f.path === '/bin') // → type: 'symlink',…target: 'usr/bin'
 */
export function loadBaseImage(reference: string): BaseImage {
  const folder = findFolder(reference);
  if (folder === undefined) {
    throw new UnknownBaseImageError({ requested: reference, known: listBaseImages() });
  }
  // Base images never change while a process runs: read each one once.
  let loaded = loadedBases.get(folder);
  if (!loaded) loadedBases.set(folder, (loaded = readBaseImage(folder)));
  return loaded;
}

const loadedBases = new Map<string, BaseImage>();

function readBaseImage(folder: string): BaseImage {
  const image = readImageJson(folder);
  const mtime = Math.floor(Date.parse(image.mtime) / 1000);
  const lines = readFileSync(join(basesDir(), folder, 'rootfs.txt'), 'utf8').split('\n');
  const filesDir = join(basesDir(), folder, 'files');
  const files = lines
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => parseRootfsLine(line, mtime, filesDir));
  return {
    name: image.name, tag: image.tag, aliases: image.aliases ?? [],
    config: image.config, history: image.history, files: sortParentsFirst(files),
  };
}

const typeLetters: Record<string, BaseFileType> = {
  f: 'file', d: 'dir', l: 'symlink', c: 'char', b: 'block', p: 'fifo',
};

/** One rootfs.txt line: `<type> <mode> <uid>:<gid> <path> [<size>|text|<target>|<major>,<minor>]`. */
function parseRootfsLine(line: string, mtime: number, filesDir: string): BaseFile {
  const [letter, mode, owner, path, data] = line.trim().split(/\s+/);
  const type = typeLetters[letter];
  if (type === undefined || !path?.startsWith('/')) {
    throw new Error(`assets/bases: cannot read rootfs line "${line}" (see assets/bases/README.md)`);
  }
  const [uid, gid] = owner.split(':').map(Number);
  const file: BaseFile = { path, type, mode: parseInt(mode, 8), uid, gid, mtime };
  if (type === 'symlink') file.target = data;
  if (type === 'char' || type === 'block') {
    const [major, minor] = data.split(',').map(Number);
    file.rdev = { major, minor };
  }
  if (type === 'file') addContent(file, data, filesDir);
  return file;
}

/**
 * addContent gives a file its size and bytes: the real text from files/, or placeholder bytes of
 * the declared size, generated each time `content` is read (centos alone declares 37 MB of them,
 * and a build reads almost none).
 */
function addContent(file: BaseFile, data: string | undefined, filesDir: string): void {
  if (data === 'text') {
    file.content = new Uint8Array(readFileSync(join(filesDir, file.path)));
    file.size = file.content.length;
    return;
  }
  const size = Number(data ?? '0');
  const elf = looksExecutable(file.path, file.mode);
  file.size = size;
  Object.defineProperty(file, 'content', { enumerable: true, get: () => placeholderBytes(file.path, size, { elf }) });
}

/** Executables and shared libraries get an ELF header, so `file`-like checks and hexdumps look right. */
function looksExecutable(path: string, mode: number): boolean {
  return (mode & 0o111) !== 0 || /\.so(\.[\d.]+)?$/.test(path);
}

/** Sorting path by path component puts `/usr` before `/usr/bin` and `/usr/bin` before `/usr-x`. */
function sortParentsFirst(files: BaseFile[]): BaseFile[] {
  // Each path is split once, not at every comparison.
  return files.map((file) => ({ file, key: file.path.split('/') }))
    .sort((a, b) => compareParts(a.key, b.key))
    .map(({ file }) => file);
}

function compareParts(a: string[], b: string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return a.length - b.length;
}

// An x86-64 ELF identification: magic, 64-bit, little-endian, version 1, System V ABI.
const elfIdent = [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00];
const letters = 'abcdefghijklmnopqrstuvwxyz ';

/**
 * placeholderBytes returns `size` deterministic bytes standing in for a real file's content.
 * With `elf` they are an ELF header then a seeded byte pattern (a "binary"); without, lines of
 * seeded lowercase text, so `cat` shows something readable. Same path and size, same bytes.
 * Text bytes are shared with other files (a view, not a copy): read them, never change them.
 * @example
 * placeholderBytes('/usr/bin/ls', 143232, { elf: true }).subarray(0, 4); // 7f 45 4c 46 ("\x7fELF")
 */
export function placeholderBytes(path: string, size: number, { elf = false }: { elf?: boolean } = {}): Uint8Array {
  // A file is a seeded 64 KiB pattern repeated from its own offset: a slice of the pattern repeated
  // in one long buffer. Text files share that slice; a binary copies it to put its ELF header first.
  const from = seedFromText(`${path}\0${size}`) % PATTERN_SIZE;
  const bytes = repeatedPattern(elf ? 'binary' : 'text', from + size).subarray(from, from + size);
  if (!elf) return bytes;
  const binary = bytes.slice();
  binary.set(elfIdent.slice(0, Math.min(size, elfIdent.length)));
  return binary;
}

const repeated = { binary: new Uint8Array(0), text: new Uint8Array(0) };

/**
 * reservePlaceholderBytes makes room at once for placeholder files up to `largest` bytes, for a
 * caller about to ask for many (a package install). Growing the shared pattern buffer file by file
 * would build it several times over (8 MB, then 10 MB for dnf's metadata), and writing fresh
 * memory is most of what placeholder bytes cost.
 * @example
 * reservePlaceholderBytes(10 << 20, { elf: false }); // then placeholderBytes up to 10 MiB cost no new buffer
 */
export function reservePlaceholderBytes(largest: number, { elf = false }: { elf?: boolean } = {}): void {
  if (largest > 0) repeatedPattern(elf ? 'binary' : 'text', PATTERN_SIZE + largest);
}

/**
 * repeatedPattern: a kind's pattern over and over, at least `length` bytes, never changed. It grows
 * to the largest file asked for (rounded up to a MiB), which happens a few times per process.
 */
function repeatedPattern(kind: 'binary' | 'text', length: number): Uint8Array {
  if (repeated[kind].length >= length) return repeated[kind];
  const pattern = kind === 'binary' ? binaryPattern() : textPattern();
  const longer = new Uint8Array(Math.ceil(length / MIB) * MIB);
  for (let at = 0; at < longer.length; at += PATTERN_SIZE) longer.set(pattern, at);
  return (repeated[kind] = longer);
}

const PATTERN_SIZE = 65536;
const MIB = 1 << 20;   // a whole number of patterns
let binary: Uint8Array | undefined;
let text: Uint8Array | undefined;

function binaryPattern(): Uint8Array {
  if (binary) return binary;
  const words = new Uint32Array(PATTERN_SIZE / 4);
  const next = xorshift32(0x5eed);
  for (let i = 0; i < words.length; i++) words[i] = next();
  return (binary = new Uint8Array(words.buffer));
}

function textPattern(): Uint8Array {
  if (text) return text;
  const random = binaryPattern();
  text = new Uint8Array(PATTERN_SIZE);
  for (let i = 0; i < PATTERN_SIZE; i++) text[i] = i % 72 === 71 ? 0x0a : LETTER_OF_BYTE[random[i]];
  return text;
}

const LETTER_OF_BYTE = Uint8Array.from({ length: 256 }, (_, byte) => letters.charCodeAt(byte % letters.length));

/** xorshift32: a tiny, fast, fully deterministic number generator (not for cryptography). */
function xorshift32(seed: number): () => number {
  let state = seed;
  return () => {
    state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
    return state >>> 0;
  };
}

/** FNV-1a, 32 bit; never returns 0 because xorshift would then stay at 0 forever. */
function seedFromText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0) || 1;
}
