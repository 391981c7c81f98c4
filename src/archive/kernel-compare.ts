// The real kernel as referee: materialize an image in overlay2's layout, mount it with
// `mount -t overlay` exactly as Docker would (relative `l/…` paths, cwd = the overlay2 root),
// list the real merged directory and the simulated one (src/overlay's mount of the same layers)
// and report every path where they differ. Where mounting is not possible (not Linux, not root,
// the mount refused) the answer is a polite `skipped` reason, never an exception.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Image } from '../image/image';
import type { Inode } from '../overlay/tree';
import { materialize, type Materialized } from './materialize';
import { mergedView } from './merged-view';
import { isArchiveError } from './errors';
import { compareListings, listDirectory, listMergedView } from './tree-listing';

/**
 * KernelComparison: `ok` when the kernel's merged view equals the simulation's; `differences`
 * lists each mismatch (see compareListings); `skipped` says why nothing was compared.
 *
 * @example
 * const result: KernelComparison = compareWithKernel(new Docker().image('alpine:latest'));
 * result.ok || result.skipped !== undefined // → true
 */
export interface KernelComparison {
  ok: boolean;
  differences: string[];
  skipped?: string;
}

/**
 * compareWithKernel mounts the image (and an optional container upper) with the real overlayfs
 * in a temporary directory, compares, then unmounts and deletes everything.
 *
 * @example
 * const result = compareWithKernel(new Docker().image('alpine:latest'));
 * result.skipped ?? result.differences // [] as root on Linux (no path differs); elsewhere, why it was skipped
 */
export function compareWithKernel(image: Image, { upper }: { upper?: Inode } = {}): KernelComparison {
  const reason = cannotMount(image);
  if (reason) return { ok: false, differences: [], skipped: reason };
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-overlay2-'));
  try {
    const made = materializeOrReason(image, dir, upper);
    if (typeof made === 'string') return { ok: false, differences: [], skipped: made };
    const mounted = mountReal(made);
    if (typeof mounted === 'string') return { ok: false, differences: [], skipped: mounted };
    try {
      const differences = compareListings(simulated(image, upper), listDirectory(made.mergedDir));
      return { ok: differences.length === 0, differences };
    } finally {
      execFileSync('umount', [made.mergedDir], { stdio: 'ignore' });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cannotMount(image: Image): string | undefined {
  if (process.platform !== 'linux') return `overlayfs is a Linux filesystem and this is ${process.platform}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'mounting overlayfs needs root (CAP_SYS_ADMIN); run as root to compare with the kernel';
  if (image.layers.length === 0) return 'the image has no layers to mount';
  return undefined;
}

/** materializeOrReason: a layer that cannot be written safely (or no python3) is a reason to skip. */
function materializeOrReason(image: Image, dir: string, upper?: Inode): Materialized | string {
  try {
    return materialize(image, { dir, upper });
  } catch (error) {
    if (isArchiveError(error)) return `the image cannot be materialized here: ${error.message}`;
    throw error;
  }
}

/** mountReal mounts the container directory; a refusal comes back as the reason text. */
function mountReal(made: Materialized): true | string {
  try {
    execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', made.mountData, made.mergedDir], { cwd: made.root, stdio: ['ignore', 'ignore', 'pipe'] });
    return true;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
    return `the kernel refused the overlay mount (${stderr || 'no message'})`;
  }
}

function simulated(image: Image, upper?: Inode): ReturnType<typeof listMergedView> {
  const view = mergedView(image.layers, { upper })!;
  try {
    return listMergedView(view);
  } finally {
    view.close();
  }
}
