// The real tools the import is compared with, each run as a child process on a tmpfs (when root) so
// the disk's speed does not decide the result:
//   skopeo-umoci:  `skopeo copy docker-archive:A oci:D:tag`, then `umoci raw unpack --image D:tag R`
//                  — what a container tool does to get an image's root filesystem (formats.md §6;
//                  Debian's umoci 0.4.7 unpacks only gzip layers, so skopeo's default of gzipping
//                  the layers is part of the reference's work).
//   tar-sha256sum: GNU `tar -x` of the archive, then `sha256sum` of the config and every layer file
//                  (and of every gzip layer's decompressed stream: the diffID) — the least work that
//                  checks the same digests importArchive's verification checks.
// Each run starts from empty output directories (emptied outside the timing); every digest the tar
// pipeline prints is compared with the ones the archive must have.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { onCleanup } from '../harness/cleanup';
import type { TimedRun } from '../harness/turns';
import type { BenchArchive } from './write-archive';

/** Workspace: a scratch directory (a tmpfs when `tmpfs` is true) that `release` unmounts and removes. */
export interface Workspace {
  dir: string;
  tmpfs: boolean;
  release: () => void;
}

/**
 * workspace makes a scratch directory under the system's temp dir and, when running as root,
 * mounts a tmpfs on it; everything is undone by `release`, at exit or on Ctrl-C.
 * @example const ws = workspace(); try { … } finally { ws.release(); }
 */
export function workspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-import-'));
  const removeDir = onCleanup(`directory ${dir}`, () => rmSync(dir, { recursive: true, force: true }));
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return { dir, tmpfs: false, release: removeDir };
  try {
    runSync('mount', ['-t', 'tmpfs', '-o', 'mode=0755', 'tmpfs', dir]);
  } catch {
    return { dir, tmpfs: false, release: removeDir };
  }
  const unmount = onCleanup(`tmpfs ${dir}`, () => runSync('umount', [dir]));
  return { dir, tmpfs: true, release: () => { unmount(); removeDir(); } };
}

function runSync(command: string, args: string[]): void {
  execFileSync(command, args, { stdio: 'pipe' });
}

/**
 * whyNotInstalled: the first of `tools` that is not on PATH, as a reason, or undefined.
 * @example whyNotInstalled(['skopeo', 'umoci'])  // 'umoci is not installed (Debian: apt-get install umoci)'
 */
export function whyNotInstalled(tools: string[]): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  const missing = tools.find((tool) => !dirs.some((d) => existsSync(join(d, tool))));
  return missing && `${missing} is not installed (Debian: apt-get install ${missing === 'sha256sum' ? 'coreutils' : missing})`;
}

/**
 * skopeoUmoci: one timed run of `skopeo copy` to an OCI layout plus `umoci raw unpack` of it
 * (`--rootless` when not root).
 * @example const run = skopeoUmoci(ws, archive); const ms = await run()
 */
export function skopeoUmoci(ws: Workspace, archive: BenchArchive): TimedRun {
  const policy = join(ws.dir, 'policy.json');
  writeFileSync(policy, '{"default":[{"type":"insecureAcceptAnything"}]}');
  const out = join(ws.dir, 'skopeo-umoci');
  const rootless = process.getuid?.() === 0 ? [] : ['--rootless'];
  return async () => {
    freshDir(out);
    const start = process.hrtime.bigint();
    await run('skopeo', ['--policy', policy, 'copy', '-q', `docker-archive:${archive.path}`, `oci:${join(out, 'oci')}:bench`], { TMPDIR: ws.dir });
    await run('umoci', ['raw', 'unpack', ...rootless, '--image', `${join(out, 'oci')}:bench`, join(out, 'rootfs')], { TMPDIR: ws.dir });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
}

// $1 archive, $2 output dir, $3 "gzip" or "none", $4 config file, $5… layer files (paths inside the archive).
const TAR_SHA256SUM = [
  'set -eo pipefail',
  'archive=$1; out=$2; gz=$3; shift 3',
  'tar -xf "$archive" -C "$out"',
  'cd "$out"',
  'sha256sum "$@"',
  'if [ "$gz" = gzip ]; then shift; for f in "$@"; do gzip -dc "$f" | sha256sum; done; fi',
].join('\n');

/**
 * tarSha256sum: one timed run of `tar -x` plus the sha256sums; the run fails when a digest the
 * archive must have is missing from the output.
 * @example const run = tarSha256sum(ws, archive); const ms = await run()
 */
export function tarSha256sum(ws: Workspace, archive: BenchArchive): TimedRun {
  const out = join(ws.dir, 'tar-sha256sum');
  const expected = expectedDigests(archive);
  return async () => {
    freshDir(out);
    const start = process.hrtime.bigint();
    const printed = await run('bash', ['-c', TAR_SHA256SUM, 'bash', archive.path, out, archive.compression, archive.configFile, ...archive.layerFiles]);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const missing = expected.filter((hex) => !printed.includes(hex));
    if (missing.length > 0) throw new Error(`tar | sha256sum did not print ${missing.length} expected digest(s), e.g. ${missing[0]}`);
    return ms;
  };
}

/** expectedDigests: the hex digests a checker must print: config, layer blobs and (for gzip) diffIDs. */
function expectedDigests(archive: BenchArchive): string[] {
  const hex = (name: string): string => /([0-9a-f]{64})/.exec(name)?.[1] ?? name;
  return [hex(archive.configFile), ...archive.layerFiles.map(hex), ...archive.diffIDs.map(hex)];
}

function freshDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}

/** run: a command's stdout; rejects with its first stderr line when it exits non-zero. */
function run(command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env: { ...process.env, ...env }, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (!error) return resolve(stdout);
      const first = String(stderr).trim().split('\n').find((line) => line.trim() !== '') ?? error.message;
      reject(new Error(`${command} failed: ${first.trim()}`));
    });
  });
}
