// The two sides a measurement compares, behind one interface: "mount me a fresh overlay of this
// stack and give me node:fs-like calls and the merged root". The simulation mounts in memory; the
// kernel side mounts the materialized tmpfs layers with mount(8).
import type { FsLike } from './operations';
import { mountFs, nodeFs } from './operations';
import type { SimStack } from './sim-stack';
import { mountSim } from './sim-stack';
import type { RealStack } from './real-stack';
import { mountReal } from './real-stack';

/** Mounted: one live overlay: the calls, the merged root ('' for the simulation's '/'), and its undo. */
export interface Mounted {
  fs: FsLike;
  root: string;
  release: () => void;
}

/** Side: something that can mount the benchmark stack again and again. */
export interface Side {
  label: string;
  mount: () => Mounted;
}

/**
 * simSide: layerlab's simulated overlay over the stack's frozen Trees.
 * @example const m = simSide(buildSimStack(plan)).mount(); statAll(m.fs, inMount(m, plan.visible)); m.release();
 */
export function simSide(stack: SimStack): Side {
  return {
    label: 'layerlab',
    mount: () => {
      const m = mountSim(stack);
      return { fs: mountFs(m.mount), root: '', release: m.release };
    },
  };
}

/**
 * realSide: the kernel's overlayfs over the materialized layers, used through node:fs.
 * @example const m = realSide(materialize(plan)).mount(); readdirAll(m.fs, rootOf(m)); m.release();
 */
export function realSide(stack: RealStack): Side {
  return {
    label: 'kernel',
    mount: () => {
      const m = mountReal(stack);
      return { fs: nodeFs, root: m.dir, release: m.release };
    },
  };
}

/**
 * inMount: the absolute paths of `relative` paths inside a mounted overlay.
 * @example inMount({ root: '/tmp/x/m0', … }, ['d1/f2'])  // ['/tmp/x/m0/d1/f2']
 */
export function inMount(mounted: Mounted, relative: string[]): string[] {
  return relative.map((path) => `${mounted.root}/${path}`);
}

/**
 * rootOf: the merged root directory to list ('/' for the simulation).
 * @example rootOf(simMounted)  // '/'
 */
export function rootOf(mounted: Mounted): string {
  return mounted.root === '' ? '/' : mounted.root;
}
