// The build suite's harness: the Dockerfiles are the ones promised, the records compare with the
// issue's targets (or say there is none), and a rebuild really comes from the cache.
import { describe, expect, it } from 'vitest';
import { Docker } from '../../src/engine/docker';
import { fiftySteps, SEED_BUILD } from '../../bench/build/dockerfiles';
import { buildCase } from '../../bench/build/cases';
import { buildNames, runBuildSuite } from '../../bench/build/suite';
import { testContext } from './context';

describe('the build cases', () => {
  it('are the seed Dockerfile with its one-file context', () => {
    expect(SEED_BUILD.dockerfile).toBe('FROM centos:latest\nRUN yum install -y vim\nADD start.sh /\n');
    expect(Object.keys(SEED_BUILD.context)).toEqual(['start.sh']);
  });

  it('and a 50-instruction Dockerfile mixing RUN, ENV, COPY and WORKDIR, the same every time', () => {
    const build = fiftySteps();
    const lines = build.dockerfile.trim().split('\n');
    expect(lines).toHaveLength(50);
    expect(build.steps).toBe(50);
    expect(lines[0]).toMatch(/^FROM /);
    expect(new Set(lines.slice(1).map((l) => l.split(' ')[0]))).toEqual(new Set(['RUN', 'ENV', 'COPY', 'WORKDIR']));
    for (const line of lines.filter((l) => l.startsWith('COPY '))) expect(build.context).toHaveProperty([line.split(' ')[1]]);
    expect(fiftySteps()).toEqual(build);
  });

  it('build, and build again entirely from the cache', () => {
    const docker = new Docker();
    const build = fiftySteps();
    const first = docker.build(build.dockerfile, { context: build.context });
    const again = docker.build(build.dockerfile, { context: build.context });
    expect(first.steps.every((s) => !s.cached)).toBe(true);
    expect(again.steps.every((s) => s.cached)).toBe(true);
    expect(again.image.id).toBe(first.image.id);
  });

  it('are found by key, and an unknown key is refused with the known ones', () => {
    expect(buildCase('seed')).toBe(SEED_BUILD);
    expect(() => buildCase('nope')).toThrow('unknown build case nope; use seed or 50-steps');
  });
});

describe('the build suite', () => {
  it('compares the seed builds with the issue targets (200 ms, 20 ms from cache) and says the 50-step build has none', async () => {
    const records = await runBuildSuite(testContext({ only: ['build.seed', 'build.50-steps-cached'] }), 1);
    expect(records.map((r) => r.name)).toEqual([buildNames('seed').cold, 'build.seed', 'build.seed-cached', 'build.50-steps-cached']);
    const [cold, warm, cached, fifty] = records;
    expect(cold.reference).toMatchObject({ value: 200, unit: 'ms' });
    expect(warm.reference).toMatchObject({ value: 200, unit: 'ms' });
    expect(cached.reference).toMatchObject({ value: 20, unit: 'ms' });
    for (const r of [cold, warm, cached]) expect(r.ratio).toBeCloseTo(r.layerlab.value / (r.reference as { value: number }).value, 3);
    expect(cold.inputs.cache).toMatch(/^cold/);
    expect(warm.inputs.cache).toMatch(/^warm/);
    expect(fifty.reference).toMatchObject({ skipped: expect.stringContaining('seed Dockerfile only') });
    expect([fifty.ratio, fifty.target]).toEqual([null, undefined]);
    expect((cached.notes ?? []).filter((n) => n.includes('from the cache'))).toEqual([]);
  });
});
