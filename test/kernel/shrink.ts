// Shrinking a disagreement to a scenario a person can read: drop ops, layers, layer entries and
// mount options one at a time, keeping each step only while the disagreement persists.
import type { Compact } from '../../src/overlay/compact';
import type { Scenario } from '../../src/scenarios/runner';

type Dir = { [name: string]: Compact };

const clone = (scenario: Scenario): Scenario => JSON.parse(JSON.stringify(scenario)) as Scenario;

function isPlainDir(value: Compact): value is Dir {
  return typeof value === 'object' && value !== null && typeof value.type !== 'string';
}

/** entryPaths: every entry of a layer as a path of names ('@' xattr keys included). */
function entryPaths(dir: Dir, prefix: string[] = []): string[][] {
  const paths: string[][] = [];
  for (const [name, value] of Object.entries(dir)) {
    const path = [...prefix, name];
    if (isPlainDir(value)) paths.push(...entryPaths(value, path));
    paths.push(path);
  }
  return paths;
}

function withoutEntry(scenario: Scenario, layer: number, path: string[]): Scenario {
  const copy = clone(scenario);
  let dir = copy.lowers_compact[layer] as Dir;
  for (const name of path.slice(0, -1)) dir = dir[name] as Dir;
  delete dir[path[path.length - 1]];
  return copy;
}

/** reductions: every scenario one step smaller than `scenario`, the biggest steps first. */
export function reductions(scenario: Scenario): Scenario[] {
  const out: Scenario[] = [];
  const ops = scenario.ops ?? [];
  for (let i = ops.length - 1; i >= 0; i--) out.push({ ...clone(scenario), ops: ops.filter((_, j) => j !== i) });
  if (scenario.lowers_compact.length > 1) {
    scenario.lowers_compact.forEach((_, i) => out.push({ ...clone(scenario), lowers_compact: scenario.lowers_compact.filter((_, j) => j !== i) }));
  }
  scenario.lowers_compact.forEach((layer, i) => {
    for (const path of entryPaths(layer as Dir)) out.push(withoutEntry(scenario, i, path));
  });
  if (scenario.extra_mount_options) out.push({ ...clone(scenario), extra_mount_options: '' });
  return out;
}

/**
 * shrink: the smallest scenario reachable by single reductions for which `stillDiffers` holds.
 * `firstThatDiffers` answers a whole batch at once (one kernel run) with the index of the first
 * candidate that still shows the disagreement, or -1. Stops at `deadline` (ms since the epoch).
 * @example shrink(scenario, (batch) => batch.findIndex(differsTheSameWay), Date.now() + 20_000)
 */
export function shrink(scenario: Scenario, firstThatDiffers: (batch: Scenario[]) => number, deadline: number, chunk = 24): Scenario {
  let current = scenario;
  for (let progress = true; progress && Date.now() < deadline;) {
    progress = false;
    const candidates = reductions(current);
    for (let start = 0; start < candidates.length && Date.now() < deadline; start += chunk) {
      const batch = candidates.slice(start, start + chunk);
      const found = firstThatDiffers(batch);
      if (found >= 0) {
        current = batch[found];
        progress = true;
        break;
      }
    }
  }
  return current;
}
