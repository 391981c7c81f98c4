// The benchmark harness itself — never its timings: the record shape and ratio rule, skipped
// references keeping their reason, the timing loop's bookkeeping, and a generator that is
// deterministic and really builds the stack the issue asks for (10% shadowed, 5% whited out, opaque
// directories), counted through the simulated mount and the raw layers, not through the plan.
import { describe, expect, it } from 'vitest';
import type { Inode, Tree } from '../../src/index';
import { measurement, ratioOf } from '../../bench/harness/record';
import { median, timeMedian, timeMedianPair } from '../../bench/harness/timing';
import { onlyFilter, SuiteContext } from '../../bench/harness/suite';
import { formatTable } from '../../bench/harness/table';
import { busyNote, busySummary } from '../../bench/harness/machine';
import { onCleanup } from '../../bench/harness/cleanup';
import { seededRandom } from '../../bench/harness/random';
import { planStack } from '../../bench/overlay/plan';
import { buildSimStack, mountSim } from '../../bench/overlay/sim-stack';
import { mountFs, readdirAll } from '../../bench/overlay/operations';
import { caseName, runOverlaySuite } from '../../bench/overlay/suite';
import { mutationTargets } from '../../bench/overlay/cases';
import { materialize, mountReal, whyNoRealOverlay } from '../../bench/overlay/real-stack';
import * as fs from 'node:fs';

const ms = (value: number) => ({ value, unit: 'ms' });
const kernel = (value: number) => ({ what: 'kernel', value, unit: 'ms' });

describe('measurement records', () => {
  it('carry name, inputs, both sides, the ratio layerlab/reference, the target and whether it is met', () => {
    const m = measurement({ name: 'overlay.stat.L1.N1000', inputs: { layers: 1, files: 1000 }, layerlab: ms(3), reference: kernel(2), target: 2 }, 123);
    expect(m).toEqual({
      name: 'overlay.stat.L1.N1000', inputs: { layers: 1, files: 1000 }, layerlab: ms(3), reference: kernel(2),
      ratio: 1.5, target: 2, met: true, peakRssMB: 123,
    });
  });

  it('say a target is missed when the ratio is above it, and leave target and met out when there is none', () => {
    expect(measurement({ name: 'x', inputs: {}, layerlab: ms(5), reference: kernel(2), target: 2 }).met).toBe(false);
    const untargeted = measurement({ name: 'x', inputs: {}, layerlab: ms(1), reference: kernel(2) });
    expect('target' in untargeted || 'met' in untargeted).toBe(false);
    expect(untargeted.ratio).toBe(0.5);
  });

  it('have no ratio for a skipped reference, keep its reason, and never count the target as met', () => {
    const m = measurement({ name: 'x', inputs: {}, layerlab: ms(1), reference: { what: 'kernel', skipped: 'not root' }, target: 1 });
    expect(m.reference).toEqual({ what: 'kernel', skipped: 'not root' });
    expect([m.ratio, m.met]).toEqual([null, false]);
  });

  it('refuse a ratio between different units or against a zero reference', () => {
    expect(ratioOf(ms(1), { what: 'r', value: 1, unit: 'MB' })).toBeNull();
    expect(ratioOf(ms(1), kernel(0))).toBeNull();
  });

  it('note a busy machine only when the load average exceeds the CPU count', () => {
    expect(busyNote(1.5, 2)).toBeUndefined();
    expect(busyNote(6.2, 2)).toContain('load average 6.2 on 2 CPUs');
  });

  it('sum busy-machine notes up in one line with the load range', () => {
    const summary = busySummary([busyNote(6.2, 2)!, 'something else', busyNote(7.9, 2)!]);
    expect(summary).toMatch(/during 2 measurements \(1-minute load average 6\.2–7\.9 on \d+ CPUs\)/);
    expect(busySummary(['something else'])).toBeUndefined();
  });

  it('print as a table that names skipped reasons and missed targets', () => {
    const table = formatTable([
      measurement({ name: 'a.b', inputs: {}, layerlab: ms(4), reference: kernel(2), target: 1 }),
      measurement({ name: 'a.c', inputs: {}, layerlab: ms(1), reference: { what: 'kernel', skipped: 'mount not permitted' }, target: 1 }),
      measurement({ name: 'a.d', inputs: {}, layerlab: ms(NaN), reference: { what: 'Jupyter', skipped: 'not run' }, target: 1 }),
    ]);
    expect(table).toMatch(/a\.d +not run/);
    expect(table).toMatch(/a\.b .*2\.00 .*NO/);
    expect(table).toMatch(/a\.c .*skipped\* .*unknown\*/);
    expect(table).toContain('reference skipped: mount not permitted');
  });
});

describe('timing bookkeeping', () => {
  it('takes the middle value as the median (the mean of the middle two for an even count)', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('runs warm-ups untimed, then at least the planned runs, preparing and cleaning up around each', async () => {
    const calls: string[] = [];
    const timed = await timeMedian({ warmup: 2, runs: 3 }, { prepare: () => calls.push('p'), work: () => calls.push('w'), cleanup: () => calls.push('c') });
    expect(timed.samplesMs).toHaveLength(3);
    expect(calls.join('')).toBe('pwc'.repeat(5));
  });

  it('lets the two sides of a pair take turns', async () => {
    const calls: string[] = [];
    const [a, b] = await timeMedianPair({ warmup: 1, runs: 2 }, { prepare: () => 0, work: () => calls.push('a') }, { prepare: () => 0, work: () => calls.push('b') });
    expect(calls.join('')).toBe('ababab');
    expect([a.samplesMs.length, b.samplesMs.length]).toEqual([2, 2]);
  });

  it('selects measurements by --only patterns, or all of them without any', () => {
    expect(onlyFilter([])('overlay.stat.L1.N1000')).toBe(true);
    expect(onlyFilter(['L120'])('overlay.stat.L1.N1000')).toBe(false);
    expect(onlyFilter(['copyup', 'stat.L1.'])('overlay.stat.L1.N1000')).toBe(true);
  });

  it('runs a cleanup once, whether released early or not at all', () => {
    let runs = 0;
    const release = onCleanup('test', () => { runs++; });
    release();
    release();
    expect(runs).toBe(1);
  });
});

describe('seeded random source', () => {
  it('repeats itself for a seed and differs between seeds', () => {
    const draw = (seed: number) => { const r = seededRandom(seed); return [r.next(), r.int(100), r.shuffled([1, 2, 3, 4, 5])]; };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });
});

/** Every object of a raw layer by path (no leading slash). */
function rawObjects(tree: Tree): Map<string, Inode> {
  const out = new Map<string, Inode>();
  const visit = (dir: Inode, prefix: string): void => {
    for (const [name, inode] of dir.entries!) {
      const path = prefix + name;
      out.set(path, inode);
      if (inode.type === 'dir') visit(inode, path + '/');
    }
  };
  visit(tree.root, '');
  return out;
}

/** mergedPaths: every path a recursive readdir of the mount shows. */
function mergedPaths(list: (dir: string) => { name: string; isDirectory(): boolean }[]): Set<string> {
  const out = new Set<string>();
  const visit = (dir: string, prefix: string): void => {
    for (const entry of list(dir)) {
      out.add(prefix + entry.name);
      if (entry.isDirectory()) visit(`${dir === '/' ? '' : dir}/${entry.name}`, prefix + entry.name + '/');
    }
  };
  visit('/', '');
  return out;
}

describe('generated stacks', () => {
  it('are the same for the same seed and differ for another', () => {
    expect(planStack({ layers: 10, files: 500, seed: 3 })).toEqual(planStack({ layers: 10, files: 500, seed: 3 }));
    expect(planStack({ layers: 10, files: 500, seed: 3 }).layers).not.toEqual(planStack({ layers: 10, files: 500, seed: 4 }).layers);
  });

  for (const [layers, files] of [[10, 1000], [2, 400], [50, 2000]]) {
    describe(`with L=${layers}, N=${files}, counted through the simulated mount`, () => {
      const plan = planStack({ layers, files, seed: 11 });
      const stack = buildSimStack(plan);
      const m = mountSim(stack).mount;
      const merged = mergedPaths((dir) => mountFs(m).readdirSync(dir));
      const raw = stack.layers.map(rawObjects);   // top layer first
      const regularIn = (path: string) => raw.filter((layer) => layer.get(path)?.type === 'file').length;
      const allPaths = new Set(raw.flatMap((layer) => [...layer.keys()]));

      it('show exactly the paths the plan lists as visible', () => {
        expect(merged).toEqual(new Set(plan.visible));
      });

      it('shadow 10% of the files: visible with the content of the higher copy', () => {
        const shadowed = [...allPaths].filter((path) => regularIn(path) >= 2 && merged.has(path));
        expect(shadowed).toHaveLength(Math.round(files * 0.1));
        for (const path of shadowed.slice(0, 50)) {
          const top = raw.find((layer) => layer.get(path))!.get(path)!;
          expect(m.readFileSync('/' + path, 'utf8')).toBe(top.disk.readData(top).toString());
        }
      });

      it('white out 5% of the files with char 0:0 devices, which the mount no longer shows', () => {
        const whiteouts = [...allPaths].filter((path) => raw.some((layer) => { const i = layer.get(path); return i?.type === 'char' && i.rdev === 0; }));
        expect(whiteouts).toHaveLength(Math.round(files * 0.05));
        for (const path of whiteouts) {
          expect(regularIn(path)).toBeGreaterThan(0);
          expect(m.existsSync('/' + path)).toBe(false);
        }
      });

      it('have opaque directories (trusted.overlay.opaque=y) that hide what lies below them', () => {
        const opaque = raw.flatMap((layer, i) => [...layer].filter(([, inode]) => inode.xattrs.get('trusted.overlay.opaque')?.toString() === 'y').map(([path]) => ({ path, layer: i })));
        expect(opaque.length).toBeGreaterThan(0);
        let hidden = 0;
        for (const { path, layer } of opaque) {
          const below = raw.slice(layer + 1).flatMap((l) => [...l.keys()].filter((p) => p.startsWith(path + '/')));
          const atOrAbove = new Set(raw.slice(0, layer + 1).flatMap((l) => [...l.keys()].filter((p) => p.startsWith(path + '/'))));
          for (const p of below) if (!atOrAbove.has(p)) { hidden++; expect(merged.has(p)).toBe(false); }
          expect(new Set(m.readdirSync('/' + path) as string[])).toEqual(new Set([...atOrAbove].map((p) => p.slice(path.length + 1))));
        }
        expect(hidden).toBe(plan.counts.hiddenByOpaque);
      });

      it('give copy-up and unlink lower files that are visible through the mount', () => {
        const targets = mutationTargets(plan);
        expect(targets).toHaveLength(Math.min(1000, plan.visibleFiles.length));
        for (const path of targets) expect(m.lstatSync('/' + path)!.isFile()).toBe(true);
      });
    });
  }

  it('are mounted and released without leaving inodes or file bytes on the disk', () => {
    const stack = buildSimStack(planStack({ layers: 3, files: 200 }));
    const before = { inodes: stack.disk.inodes.size, files: stack.disk.blocks.readdirSync('/').length };
    const sim = mountSim(stack);
    for (const path of mutationTargets(planStack({ layers: 3, files: 200 })).slice(0, 20)) sim.mount.appendFileSync('/' + path, '+');
    expect(stack.disk.inodes.size).toBeGreaterThan(before.inodes);
    sim.release();
    expect({ inodes: stack.disk.inodes.size, files: stack.disk.blocks.readdirSync('/').length }).toEqual(before);
  });

  it('have no shadows, whiteouts or opaque directories with a single layer (there is no higher layer)', () => {
    const plan = planStack({ layers: 1, files: 300 });
    expect(plan.counts).toMatchObject({ shadowed: 0, whitedOut: 0, opaqueDirs: 0, hiddenByOpaque: 0 });
    expect(plan.layers[0].some((entry) => entry.kind === 'whiteout')).toBe(false);
  });
});

describe('the overlay suite', () => {
  const context: SuiteContext = {
    quick: true, wanted: () => true, referenceOff: 'switched off by the test',
    timing: { reads: { warmup: 0, runs: 1 }, writes: { warmup: 0, runs: 1 } }, log: () => undefined,
  };

  it('records every case of every size, with the skipped kernel side and its reason', async () => {
    const sizes = [{ layers: 2, files: 60 }, { layers: 3, files: 90 }];
    const results = await runOverlaySuite(context, sizes);
    expect(results.map((m) => m.name)).toEqual(sizes.flatMap((s) => ['stat', 'readdir', 'copyup', 'unlink'].map((key) => caseName(key, s))));
    for (const m of results) {
      expect(m.reference).toMatchObject({ skipped: 'switched off by the test' });
      expect([m.ratio, m.met, m.layerlab.unit]).toEqual([null, false, 'ms']);
      // The simulated counts agree with the plan; a busy machine is the only thing worth a note.
      expect((m.notes ?? []).filter((note) => !note.startsWith('machine busy'))).toEqual([]);
    }
    expect(results.find((m) => m.name === 'overlay.copyup.L3.N90')!.target).toBe(2);
    expect(results.find((m) => m.name === 'overlay.stat.L3.N90')!.target).toBe(1);
  });

  it('runs only the cases --only asks for', async () => {
    const results = await runOverlaySuite({ ...context, wanted: onlyFilter(['readdir.L2']) }, [{ layers: 2, files: 60 }, { layers: 3, files: 60 }]);
    expect(results.map((m) => m.name)).toEqual(['overlay.readdir.L2.N60']);
  });
});

const noKernel = whyNoRealOverlay();

describe.skipIf(noKernel !== undefined)(`the materialized stack on the real kernel${noKernel ? ` (skipped: ${noKernel})` : ''}`, () => {
  it('shows the same merged tree as the simulation, and is gone after destroy', () => {
    const plan = planStack({ layers: 6, files: 400, seed: 5 });
    const real = materialize(plan);
    try {
      const mounted = mountReal(real);
      try {
        const merged = mergedPaths((dir) => fs.readdirSync(mounted.dir + (dir === '/' ? '' : dir), { withFileTypes: true }));
        expect(merged).toEqual(new Set(plan.visible));
      } finally {
        mounted.release();
      }
    } finally {
      real.destroy();
    }
    expect(fs.existsSync(real.base)).toBe(false);
  });
});
