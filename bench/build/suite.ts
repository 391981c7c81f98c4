// The build suite: how long `new Docker().build(...)` takes for the seed Dockerfile and a 50-step one
// — the first build in a fresh process (cold: nothing loaded or cached yet), a first build on a
// fresh Docker in a process that has built before (warm base-image cache), and a rebuild on the same
// Docker (every step from the build cache). There is no outside reference: a build is compared with
// the target, and the ratio is time / target. The engine remembers the steps it ran in a
// process (same inputs, same parent: the same immutable layer), so only the cold build does all the
// work; the warm one measures a fresh host replaying them.
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { Docker } from '../../src/engine/docker';
import type { BuildResult } from '../../src/engine/build/build';
import type { Measurement, Reference } from '../harness/record';
import { measurement } from '../harness/record';
import { busyNote } from '../harness/machine';
import type { Suite, SuiteContext } from '../harness/suite';
import { median, timeMedian } from '../harness/timing';
import { BUILD_CASES } from './cases';
import type { BuildCase } from './dockerfiles';

const REPO = resolve(__dirname, '../..');
const COLD_CHILD = join(__dirname, 'cold-child.ts');

/**
 * buildNames: the names of a case's three measurements.
 * @example buildNames('seed')  // { warm: 'build.seed', cold: 'build.seed-cold', cached: 'build.seed-cached' }
 */
export function buildNames(key: string): { warm: string; cold: string; cached: string } {
  return { warm: `build.${key}`, cold: `build.${key}-cold`, cached: `build.${key}-cached` };
}

/**
 * buildSuite: the "time to build" measurements.
 * @example const records = await buildSuite.run(context)
 */
export const buildSuite: Suite = { name: 'build', run: (context) => runBuildSuite(context) };

/**
 * runBuildSuite measures every wanted build case; `coldRuns` fresh processes time the cold build.
 * @example await runBuildSuite(context, 1)
 */
export async function runBuildSuite(context: SuiteContext, coldRuns = context.quick ? 3 : 5): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const { build, targetMs, cachedTargetMs } of BUILD_CASES) {
    const names = buildNames(build.key);
    if (context.wanted(names.cold)) {
      context.log(`${names.cold}: ${coldRuns} fresh processes`);
      const samples: number[] = [];
      for (let i = 0; i < coldRuns; i++) samples.push(await coldBuild(build.key));
      out.push(record(names.cold, build, 'cold: the first build in a fresh node process (base image and package catalog not loaded yet; module loading not timed)', median(samples), samples.length, targetMs));
    }
    if (context.wanted(names.warm)) {
      context.log(names.warm);
      const timed = await timeMedian(context.timing.writes, { prepare: () => new Docker(), work: (docker) => { buildOn(docker, build); } });
      out.push(record(names.warm, build, 'warm: a fresh Docker per build in a process that has built this Dockerfile before (base images loaded; the engine replays steps it already ran in this process onto the new host)', timed.medianMs, timed.samplesMs.length, targetMs));
    }
    if (context.wanted(names.cached)) out.push(await cachedRecord(context, names.cached, build, cachedTargetMs));
  }
  return out;
}

async function cachedRecord(context: SuiteContext, name: string, build: BuildCase, targetMs?: number): Promise<Measurement> {
  context.log(name);
  const fromCache: number[] = [];
  const timed = await timeMedian(context.timing.writes, {
    prepare: () => { const docker = new Docker(); buildOn(docker, build); return docker; },
    work: (docker) => { fromCache.push(buildOn(docker, build).steps.filter((s) => s.cached).length); },
  });
  const steps = build.steps - 1;   // FROM is not a cached step
  const notes = fromCache.every((n) => n === steps) ? [] : [`a rebuild took ${Math.min(...fromCache)} of ${steps} steps from the cache, not all`];
  return record(name, build, 'rebuild on the same Docker: every step from the build cache', timed.medianMs, timed.samplesMs.length, targetMs, notes);
}

function buildOn(docker: Docker, build: BuildCase): BuildResult {
  return docker.build(build.dockerfile, { context: build.context, tags: [`bench:${build.key}`] });
}

function record(name: string, build: BuildCase, cache: string, ms: number, runs: number, targetMs?: number, notes: string[] = []): Measurement {
  const busy = busyNote();
  return measurement({
    name, inputs: { dockerfileSteps: build.steps, contextFiles: Object.keys(build.context).length, cache, runs },
    layerlab: { value: Math.round(ms * 100) / 100, unit: 'ms' }, reference: targetReference(targetMs),
    target: targetMs === undefined ? undefined : 1.0, notes: [...notes, ...(busy ? [busy] : [])],
  });
}

/** targetReference: the target as the reference (ratio = time / target), or why there is none. */
function targetReference(targetMs?: number): Reference {
  const what = 'the target of issue 5 (ratio = time / target)';
  if (targetMs === undefined) return { what, skipped: 'issue 5 sets targets for the seed Dockerfile only; this time is recorded for information' };
  return { what: `${what}: under ${targetMs} ms`, value: targetMs, unit: 'ms' };
}

function coldBuild(key: string): Promise<number> {
  return new Promise((done, fail) => {
    execFile(process.execPath, ['--import', 'tsx', COLD_CHILD, key], { cwd: REPO }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`the cold build of ${key} failed: ${String(stderr).trim() || error.message}`));
      done((JSON.parse(String(stdout).trim().split('\n').pop()!) as { ms: number }).ms);
    });
  });
}
