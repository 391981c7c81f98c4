// The scenario runner (spec/scenario-runner.md): replays a scenario's layers and operations through
// the simulated overlay and reports what happened in the same shape as the kernel runner, so the two
// can be compared line by line.
import { Inode } from '../overlay/tree';
import { mount, OverlayMount } from '../overlay/mount';
import { Compact, compactOfInode } from '../overlay/compact';
import { isFsError } from '../overlay/errors';
import { Host, MountData, parseMountData } from './host';
import { Op, OpContext, OpResult, runOp } from './ops';
import { describeStat, mergedCompact, readdirOrder } from './observe';
import { runShell } from '../shell/runShell';

/**
 * Scenario: the fields the runner reads (everything else in a catalog entry is the kernel's answer).
 * `lowers_compact` lists the layers top first, as `lowerdir=` does; op paths are relative to the mount.
 * @example
 * const scenario: Scenario = { id: 'unlink-lower', lowers_compact: [{ a: 'A', b: 'B' }], ops: [{ op: { op: 'unlink', path: 'a' } }] };
 * runScenario(scenario).upper // → { a: 'WHITEOUT' }
 */
export interface Scenario {
  id: string;
  lowers_compact: Record<string, Compact>[];
  extra_mount_options?: string;
  ops?: { op: Op }[];
  /** Where the layers are and how they are mounted; the standard layout when absent. */
  mount_data?: string;
  /** An upper directory that is not empty at mount time (A09, G05, G06b). */
  upper_init?: Record<string, Compact>;
}

/**
 * ScenarioResult: what the runner reports for one scenario, in the kernel runner's shape: each op
 * as `{ ok: value }` or `{ err: 'ERRNO' }`, then the merged and upper trees in compact notation.
 * @example
 * const result: ScenarioResult = runScenario({ id: 'rmdir', lowers_compact: [{ d: { f: 'x' } }], ops: [{ op: { op: 'rmdir', path: 'd' } }] });
 * result.ops // → [ { err: 'ENOTEMPTY' } ]
 */
export interface ScenarioResult {
  id: string;
  mount_result: string;
  ops: OpResult[];
  merged?: Compact;
  upper?: Compact;
}

/** standardMountData: `lowerdir=$RUN/l0:…,upperdir=$RUN/upper,workdir=$RUN/work[,extra]`. */
export function standardMountData(scenario: Scenario): string {
  const lowers = scenario.lowers_compact.map((_, i) => `$RUN/l${i}`).join(':');
  const extra = scenario.extra_mount_options ? `,${scenario.extra_mount_options}` : '';
  return `lowerdir=${lowers},upperdir=$RUN/upper,workdir=$RUN/work${extra}`;
}

/**
 * runScenario builds the scenario's host directories, mounts, runs every op and describes the
 * merged and upper trees afterwards.
 * @example
 * const result = runScenario({ id: 'X', lowers_compact: [{ a: 'A' }, { b: 'B' }], ops: [{ op: { op: 'listdir', path: '' } }] });
 * result.ops // → [ { ok: [ 'a', 'b' ] } ]
 */
export function runScenario(scenario: Scenario): ScenarioResult {
  const data = parseMountData(scenario.mount_data ?? standardMountData(scenario));
  const host = new Host();
  [...data.lowers, ...data.dataLowers].forEach((path, i) => {
    if (scenario.lowers_compact[i]) host.fill(path, scenario.lowers_compact[i]);
  });
  if (data.upper) host.fill(data.upper, scenario.upper_init ?? {});
  if (data.work) host.dir(data.work, true);
  let overlay: OverlayMount;
  try {
    overlay = mountOnHost(host, data);
  } catch (error) {
    return { id: scenario.id, mount_result: errorCode(error), ops: [] };
  }
  const context = contextFor(host, data, () => overlay);
  const ops = (scenario.ops ?? []).map(({ op }) => runOp(op, context));
  const upperDir = data.upper ? host.dir(data.upper) : undefined;
  return {
    id: scenario.id, mount_result: 'ok', ops,
    merged: mergedCompact(overlay, '/'),
    upper: upperDir ? (compactOfInode(upperDir) as Compact) : null,
  };
}

/**
 * runScenarios: the runner's whole output document for a catalog (optionally only some ids).
 * @example
 * const catalog = { scenarios: [{ id: 'A', lowers_compact: [{ a: 'A' }] }, { id: 'B', lowers_compact: [{ b: 'B' }] }] };
 * runScenarios(catalog, ['B']).results.map((r) => r.merged) // → [ { b: 'B' } ]
 */
export function runScenarios(input: { scenarios: Scenario[] } | Scenario, only?: string[]): { results: ScenarioResult[] } {
  const all = 'scenarios' in input ? input.scenarios : [input];
  const chosen = only ? all.filter((scenario) => only.includes(scenario.id)) : all;
  return { results: chosen.map(runScenario) };
}

function mountOnHost(host: Host, data: MountData): OverlayMount {
  const need = (path: string): Inode => {
    const dir = host.dir(path);
    if (!dir) throw Object.assign(new Error(`failed to resolve '${path}'`), { code: 'ENOENT' });
    return dir;
  };
  return mount({
    lowers: data.lowers.map(need), dataLowers: data.dataLowers.map(need),
    upper: data.upper === undefined ? undefined : need(data.upper),
    work: data.work === undefined ? undefined : need(data.work),
    options: data.extra,
  });
}

function contextFor(host: Host, data: MountData, current: () => OverlayMount): OpContext {
  return {
    get mount() { return current(); },
    fds: new Map(),
    describeStat: (path, stats) => describeStat(host, data, current(), path, stats),
    readdirOrder: (path) => readdirOrder(host, data, current(), path),
    remount: (opts) => current().remount([data.extra, opts].filter(Boolean).join(',')),
    mountAgain: (text) => {
      const second = parseMountData(text);
      if (second.work) host.dir(second.work, true);
      if (second.upper && !host.dir(second.upper) && !second.upper.includes(':')) host.dir(second.upper, true);
      mountOnHost(host, second).umount();
    },
    shell: (cmd) => runShell(cmd, { fs: current(), cwd: '/' }).exitCode,
  };
}

function errorCode(error: unknown): string {
  if (isFsError(error)) return error.code;
  const code = (error as { code?: string }).code;
  if (typeof code === 'string') return code;
  throw error;
}

