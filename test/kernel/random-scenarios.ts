// Seeded random scenarios for the differential test: layer stacks whose names collide across
// layers (so shadowing, whiteouts and opaque dirs matter) and op sequences that mostly touch names
// that exist. Same seed, same scenarios, on every machine: a failure can always be replayed.
import type { Compact } from '../../src/overlay/compact';
import type { Scenario } from '../../src/scenarios/runner';
import type { Op } from '../../src/scenarios/ops';

/** mulberry32: a tiny seeded PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Dice: the few random choices the generator needs. */
export class Dice {
  private readonly next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }
  int(n: number): number { return Math.floor(this.next() * n); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(items: readonly T[]): T { return items[this.int(items.length)]; }
}

// Few names, so that the same path turns up in several layers.
const NAMES = ['a', 'b', 'c', 'd'];
const FRESH = ['n', 'm'];
const OPTIONS = ['', '', '', '', '', '', 'redirect_dir=on', 'index=on', 'metacopy=on'];

type Dir = { [name: string]: Compact };

/** explicit: an explicit node ({"type": …} with numeric uid/gid), which the Compact type does not spell out. */
const explicit = (node: Record<string, unknown>): Compact => node as unknown as Compact;

function randomLeaf(dice: Dice, name: string, layer: number): Compact {
  const roll = dice.int(20);
  if (roll < 9) return `${name}${layer}${'xyz'.slice(0, dice.int(4))}`;
  if (roll < 12) return 'WHITEOUT';
  // Targets stay relative and inside their own directory: renamed anywhere, they never leave the mount.
  if (roll < 15) return '->' + dice.pick([...NAMES, 'nowhere']);
  if (roll < 17) return explicit({ type: 'file', content: `${name}${layer}`, mode: dice.pick(['0600', '0755', '0640']), uid: dice.pick([0, 1000]), gid: dice.pick([0, 1000]) });
  if (roll < 19) return { type: 'file', content: `x${layer}`, xattrs: { 'user.k': `v${layer}` } };
  return { type: 'symlink', target: dice.pick(NAMES) };
}

/** randomDir: a directory of a layer; nested dirs up to depth 2, sometimes opaque. */
export function randomDir(dice: Dice, layer: number, depth: number): Dir {
  const dir: Dir = {};
  for (const name of NAMES) {
    if (!dice.chance(depth === 0 ? 0.7 : 0.45)) continue;
    dir[name] = depth < 2 && dice.chance(0.35) ? randomDir(dice, layer, depth + 1) : randomLeaf(dice, name, layer);
  }
  const file = NAMES.find((name) => typeof dir[name] === 'string' && !String(dir[name]).startsWith('->') && dir[name] !== 'WHITEOUT');
  if (depth === 0 && file && dice.chance(0.15)) dir.h = explicit({ type: 'hardlink', to: file });  // C12, C13
  if (depth > 0 && dice.chance(0.12)) dir['@opaque'] = 'y';
  if (depth > 0 && dice.chance(0.04)) {
    dir['@opaque'] = 'x';  // "contains xattr whiteouts" (spec 1.5, A07): not opaque
    dir[dice.pick(NAMES)] = { type: 'xwhiteout' };
  }
  return dir;
}

/** layerPaths: every path named in the layers (whiteouts too), so ops mostly hit real names. */
export function layerPaths(layers: Dir[]): string[] {
  const paths = new Set<string>();
  const visit = (dir: Dir, prefix: string): void => {
    for (const [name, value] of Object.entries(dir)) {
      if (name.startsWith('@')) continue;
      const path = prefix + name;
      paths.add(path);
      if (typeof value === 'object' && value !== null && typeof value.type !== 'string') visit(value as Dir, path + '/');
    }
  };
  layers.forEach((layer) => visit(layer, ''));
  return [...paths].sort();
}

function pathOf(dice: Dice, known: string[]): string {
  if (known.length > 0 && dice.chance(0.8)) return dice.pick(known);
  const parent = known.length > 0 && dice.chance(0.5) ? dice.pick(known) + '/' : '';
  return parent + dice.pick([...FRESH, ...NAMES]);
}

type OpMaker = (dice: Dice, path: () => string) => Op;

// Each maker builds one op of the runner's shapes (src/scenarios/ops.ts); weights by repetition.
const MAKERS: OpMaker[] = [
  (d, p) => ({ op: 'read', path: p() }),
  (d, p) => ({ op: 'listdir', path: d.chance(0.2) ? '' : p() }),
  (d, p) => ({ op: 'stat', path: p() }),
  (d, p) => ({ op: 'exists', path: p() }),
  (d, p) => ({ op: 'readlink', path: p() }),
  (d, p) => ({ op: 'create', path: p(), data: 'new' }),
  (d, p) => ({ op: 'write', path: p(), data: 'W' }),
  (d, p) => ({ op: 'append', path: p(), data: '+' }),
  (d, p) => ({ op: 'truncate', path: p(), size: d.int(3) }),
  (d, p) => ({ op: 'chmod', path: p(), mode: d.pick(['0600', '0700', '0644']) }),
  (d, p) => ({ op: 'chown', path: p(), uid: d.pick([0, 1000]), gid: d.pick([0, 1000]), nofollow: d.chance(0.5) }),
  (d, p) => ({ op: 'utime', path: p() }),
  (d, p) => ({ op: 'mkdir', path: p(), mode: '0755' }),
  (d, p) => ({ op: 'mkdir', path: p(), mode: '0755' }),
  (d, p) => ({ op: 'rmdir', path: p() }),
  (d, p) => ({ op: 'unlink', path: p() }),
  (d, p) => ({ op: 'unlink', path: p() }),
  (d, p) => ({ op: 'rmtree', path: p() }),
  (d, p) => ({ op: 'rename', src: p(), dst: p() }),
  (d, p) => ({ op: 'rename', src: p(), dst: p() }),
  (d, p) => ({ op: 'rename', src: p(), dst: p() }),
  (d, p) => ({ op: 'rename', src: p(), dst: p(), flags: [d.pick(['NOREPLACE', 'EXCHANGE'])] }),
  (d, p) => ({ op: 'link', src: p(), dst: p() }),
  (d, p) => ({ op: 'symlink', target: d.pick(NAMES), path: p() }),
  (d, p) => ({ op: 'setxattr', path: p(), name: 'user.k', value: 'set' }),
  (d, p) => ({ op: 'getxattr', path: p(), name: 'user.k' }),
  (d, p) => ({ op: 'listxattr', path: p() }),
  (d, p) => ({ op: 'open', path: p(), flags: d.pick([['O_RDONLY', 'O_TRUNC'], ['O_WRONLY'], ['O_RDWR', 'O_CREAT'], ['O_WRONLY', 'O_CREAT', 'O_EXCL']]) }),
];

/** randomOps: 1–10 ops; paths created along the way become candidates for later ops. */
export function randomOps(dice: Dice, known: string[]): { op: Op }[] {
  const paths = known.slice();
  const ops: { op: Op }[] = [];
  for (let i = 1 + dice.int(10); i > 0; i--) {
    const op = dice.pick(MAKERS)(dice, () => pathOf(dice, paths));
    if (dice.chance(0.1)) op.as_uid = 1000;  // an unprivileged caller: permission checks (B18)
    for (const made of [op.path, op.dst]) if (typeof made === 'string' && made && !paths.includes(made)) paths.push(made);
    ops.push({ op });
  }
  return ops;
}

/**
 * randomScenario: one scenario in the runner's input shape, fully determined by `seed`.
 * @example randomScenario(7).lowers_compact.length  // 1 to 4
 */
export function randomScenario(seed: number, id = `seed${seed}`): Scenario {
  const dice = new Dice(seed);
  const lowers = Array.from({ length: 1 + dice.int(4) }, (_, layer) => randomDir(dice, layer, 0));
  return { id, lowers_compact: lowers, extra_mount_options: dice.pick(OPTIONS), ops: randomOps(dice, layerPaths(lowers)) };
}

/** randomScenarios: `count` scenarios of one run seed; scenario i uses its own derived seed. */
export function randomScenarios(seed: number, count: number): Scenario[] {
  const seeds = new Dice(seed);
  return Array.from({ length: count }, (_, i) => randomScenario(seeds.int(2 ** 31), `s${seed}-${i}`));
}
