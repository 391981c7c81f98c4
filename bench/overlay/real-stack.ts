// The real side of a benchmark stack: the same planned layers written into a fresh tmpfs, mounted
// with the kernel's overlayfs, and timed through node:fs. Whiteouts (char 0:0) and opaque markers
// (trusted.overlay.opaque) need mknod(2) and setxattr(2), which node:fs lacks, so one batched
// /usr/bin/python3 call makes them. Everything mounted is unmounted and removed again — also on
// Ctrl-C — through bench/harness/cleanup.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, rmdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from '../harness/cleanup';
import type { StackPlan } from './plan';

const PYTHON = '/usr/bin/python3';
const SPECIALS = [
  'import json, os, stat, sys',
  'job = json.load(sys.stdin)',
  'for p in job["whiteouts"]: os.mknod(p, stat.S_IFCHR, os.makedev(0, 0))',
  'for p in job["opaque"]: os.setxattr(p, "trusted.overlay.opaque", b"y")',
].join('\n');

/** RealStack: a tmpfs at `base` holding the layers as `l/0` (top) … `l/<L-1>`. */
export interface RealStack {
  base: string;
  layerCount: number;
  destroy: () => void;
}

/** RealMount: one overlay mount of a RealStack; `dir` is the merged directory. */
export interface RealMount {
  dir: string;
  release: () => void;
}

/**
 * whyNoRealOverlay: why the kernel side cannot run here (not Linux, not root, no python3, or the
 * kernel refused a probe mount), or undefined when it can.
 * @example const reason = whyNoRealOverlay(); if (reason) console.log(`kernel side skipped: ${reason}`)
 */
export function whyNoRealOverlay(): string | undefined {
  if (process.platform !== 'linux') return `not Linux (${process.platform})`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return 'not root: mount(2) needs CAP_SYS_ADMIN';
  if (!existsSync(PYTHON)) return `${PYTHON} is missing (needed for mknod and setxattr)`;
  try {
    const probe = materialize({ layers: [[{ kind: 'file', path: 'a', content: 'a' }], [{ kind: 'whiteout', path: 'b' }]] });
    try {
      mountReal(probe).release();
    } finally {
      probe.destroy();
    }
  } catch (error) {
    return `overlay mount not permitted: ${firstLine((error as Error).message)}`;
  }
  return undefined;
}

/**
 * materialize writes the plan's layers into a new tmpfs (not timed: only the operations are).
 * @example const real = materialize(plan); try { … } finally { real.destroy(); }
 */
export function materialize(plan: Pick<StackPlan, 'layers'>): RealStack {
  const base = mkdtempSync(join(tmpdir(), 'layerlab-bench-'));
  const removeBase = onCleanup(`directory ${base}`, () => rmdirSync(base));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'mode=0755', 'tmpfs', base], { stdio: 'pipe' });
  const unmountBase = onCleanup(`tmpfs ${base}`, () => execFileSync('umount', [base], { stdio: 'pipe' }));
  const stack: RealStack = { base, layerCount: plan.layers.length, destroy: () => { unmountBase(); removeBase(); } };
  try {
    const specials = { whiteouts: [] as string[], opaque: [] as string[] };
    plan.layers.forEach((entries, i) => writeLayer(join(base, 'l', String(i)), entries, specials));
    const made = spawnSync(PYTHON, ['-c', SPECIALS], { input: JSON.stringify(specials), encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`mknod/setxattr failed: ${made.stderr || made.error}`);
  } catch (error) {
    stack.destroy();
    throw error;
  }
  return stack;
}

function writeLayer(root: string, entries: StackPlan['layers'][number], specials: { whiteouts: string[]; opaque: string[] }): void {
  mkdirSync(root, { recursive: true });
  for (const entry of entries) {
    const path = join(root, entry.path);
    if (entry.kind === 'dir') {
      mkdirSync(path);
      if (entry.opaque) specials.opaque.push(path);
    } else if (entry.kind === 'file') writeFileSync(path, entry.content);
    else if (entry.kind === 'symlink') symlinkSync(entry.target, path);
    else specials.whiteouts.push(path);
  }
}

let mountCount = 0;

/**
 * mountReal mounts the stack with a fresh upper and work dir on the same tmpfs. The mount runs with
 * its working directory in the tmpfs, so `lowerdir=l/0:l/1:…` stays short even for 120 layers.
 * @example const m = mountReal(real); try { readdirSync(m.dir); } finally { m.release(); }
 */
export function mountReal(stack: RealStack): RealMount {
  const k = mountCount++;
  const names = { upper: `u${k}`, work: `w${k}`, merged: `m${k}` };
  for (const name of Object.values(names)) mkdirSync(join(stack.base, name));
  const removeDirs = onCleanup(`scratch dirs of mount ${k}`, () => {
    for (const name of Object.values(names)) rmSync(join(stack.base, name), { recursive: true, force: true });
  });
  const lowerdir = Array.from({ length: stack.layerCount }, (_, i) => `l/${i}`).join(':');
  try {
    execFileSync('mount', ['-t', 'overlay', 'overlay', '-o', `lowerdir=${lowerdir},upperdir=${names.upper},workdir=${names.work}`, names.merged], { cwd: stack.base, stdio: 'pipe' });
  } catch (error) {
    removeDirs();
    throw new Error(`mount -t overlay failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`);
  }
  const dir = join(stack.base, names.merged);
  const unmount = onCleanup(`overlay ${dir}`, () => execFileSync('umount', [dir], { stdio: 'pipe' }));
  return { dir, release: () => { unmount(); removeDirs(); } };
}

function firstLine(text: string): string {
  return text.split('\n')[0].trim();
}
