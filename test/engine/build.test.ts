// The seed lesson's build, held against the formulas of formats.md (diffID = sha256 of the layer
// tar, ChainIDs, image ID = sha256 of the config bytes) and against what Docker's classic builder
// and overlay2 driver are documented to do — every expected value is computed here independently.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine';
import { build } from '../../src/engine/build/build';
import { isBuildError } from '../../src/engine/build/errors';
import { inspectImage, history } from '../../src/engine/views';
import { isDockerfileParseError } from '../../src/dockerfile/errors';
import { mount } from '../../src/overlay/mount';
import { dockerLayerTar } from '../../src/layer/tar/docker';

const SEED = 'FROM centos:latest\nRUN yum install -y vim\nADD start.sh /\n';
const CONTEXT = { 'start.sh': '#!/bin/sh\necho "hello from test:v1"\n' };
const sha = (bytes: Uint8Array | string): string => 'sha256:' + createHash('sha256').update(bytes).digest('hex');

function seedBuild(engine = new Engine()) {
  return { engine, result: build(engine, SEED, { context: CONTEXT, tags: ['test:v1'] }) };
}

describe('building the seed Dockerfile', () => {
  const { engine, result } = seedBuild();
  const inspect = JSON.parse(inspectImage(engine, 'test:v1'))[0];

  it('gives three RootFS layers whose diffIDs are the sha256 of their tars', () => {
    expect(inspect.RootFS.Layers).toHaveLength(3);
    expect(result.image.layers.map((layer) => sha(layer.tar))).toEqual(inspect.RootFS.Layers);
  });

  it('has an image ID that is the sha256 of its config bytes, and a config naming those layers', () => {
    expect(inspect.Id).toBe(sha(result.image.configBytes));
    expect(JSON.parse(Buffer.from(result.image.configBytes).toString()).rootfs.diff_ids).toEqual(inspect.RootFS.Layers);
  });

  it('prints inspect as Docker 27 does: 4-space JSON in ImageInspect field order', () => {
    expect(Object.keys(inspect)).toEqual(['Id', 'RepoTags', 'RepoDigests', 'Parent', 'Comment', 'Created', 'DockerVersion', 'Author', 'Config', 'Architecture', 'Os', 'Size', 'GraphDriver', 'RootFS', 'Metadata']);
    expect(inspectImage(engine, 'test:v1').split('\n')[1]).toBe('    {');
    expect(inspect.RepoTags).toEqual(['test:v1']);
  });

  it('names two LowerDirs, the top layer as UpperDir, with MergedDir and WorkDir beside it (formats.md 1.3)', () => {
    const data = inspect.GraphDriver.Data;
    const lowers: string[] = data.LowerDir.split(':');
    expect(lowers).toHaveLength(2);
    const top = data.UpperDir.replace(/\/diff$/, '');
    expect(data.MergedDir).toBe(`${top}/merged`);
    expect(data.WorkDir).toBe(`${top}/work`);
    expect(lowers.every((dir) => /^\/var\/lib\/docker\/overlay2\/[0-9a-f]{64}\/diff$/.test(dir))).toBe(true);
  });

  it('reports Size as the sum of the layer sizes', () => {
    expect(inspect.Size).toBe(result.image.layers.reduce((sum, layer) => sum + layer.size, 0));
  });

  it('puts vim in the RUN layer and an executable start.sh in the ADD layer', () => {
    const [, runLayer, addLayer] = result.image.layers;
    const vim = runLayer.tree.walk('usr/bin/vim');
    expect(vim?.type).toBe('file');
    const script = addLayer.tree.walk('start.sh')!;
    expect(script.mode).toBe(0o755);
    expect([...addLayer.tree.root.entries!.keys()]).toEqual(['start.sh']);
  });

  it('stacks into a root filesystem where the base, vim and start.sh are all visible', () => {
    const view = mount({ lowers: [...result.image.layers].reverse().map((layer) => layer.tree) });
    expect(view.existsSync('/etc/os-release') && view.existsSync('/usr/bin/vim') && view.existsSync('/start.sh')).toBe(true);
  });

  it('reads like docker build: steps, intermediate containers, Successfully built and tagged', () => {
    const lines = result.output.split('\n');
    expect(lines.filter((l) => /^Step \d\/3 : /.test(l))).toEqual(['Step 1/3 : FROM centos:latest', 'Step 2/3 : RUN yum install -y vim', 'Step 3/3 : ADD start.sh /']);
    expect(lines).toContain(`Successfully built ${inspect.Id.slice(7, 19)}`);
    expect(lines).toContain('Successfully tagged test:v1');
    expect(lines.some((l) => /^ ---> Running in [0-9a-f]{12}$/.test(l))).toBe(true);
  });

  it('shows the history newest first, one row per history entry, the top row named by the image', () => {
    const rows = history(engine, 'test:v1').trimEnd().split('\n');
    expect(rows[0]).toMatch(/^IMAGE\s+CREATED\s+CREATED BY\s+SIZE\s+COMMENT$/);
    expect(rows).toHaveLength(1 + (result.image.config.history ?? []).length);
    expect(rows[1].startsWith(inspect.Id.slice(7, 19))).toBe(true);
    expect(rows[2]).toContain('/bin/sh -c yum install -y vim');
  });
});

describe('the build cache', () => {
  it('reuses every step of an identical rebuild and gives the same image', () => {
    const { engine, result } = seedBuild();
    const again = build(engine, SEED, { context: CONTEXT, tags: ['test:v1'] });
    expect(again.image.id).toBe(result.image.id);
    expect(again.output.split('\n').filter((l) => l === ' ---> Using cache')).toHaveLength(2);
  });

  it('rebuilds from the first changed instruction on', () => {
    const { engine, result } = seedBuild();
    const again = build(engine, SEED, { context: { 'start.sh': '#!/bin/sh\necho changed\n' }, tags: ['test:v1'] });
    expect(again.steps.map((step) => step.cached)).toEqual([true, false]);
    expect(again.image.layers[1].diffID).toBe(result.image.layers[1].diffID);
    expect(again.image.id).not.toBe(result.image.id);
  });
});

describe('layer hygiene', () => {
  it('cleaning the yum cache in a later RUN shrinks nothing: the cache stays in the earlier layer', () => {
    const engine = new Engine();
    const separate = build(engine, 'FROM centos:latest\nRUN yum install -y vim\nRUN yum clean all\n').image;
    const together = build(engine, 'FROM centos:latest\nRUN yum install -y vim && yum clean all\n').image;
    const size = (image: typeof separate): number => image.layers.reduce((sum, layer) => sum + layer.size, 0);
    expect(size(separate)).toBeGreaterThan(size(together));
    expect(separate.layers[2].tree.walk('var/cache/dnf')).toBeDefined();
  });

  it('a step that changes nothing adds no layer (empty_layer), as the classic builder does', () => {
    const engine = new Engine();
    const image = build(engine, 'FROM alpine:latest\nRUN true\nENV A=b\n').image;
    expect(image.layers).toHaveLength(1);
    expect((image.config.history ?? []).slice(-2).map((entry) => entry.empty_layer)).toEqual([true, true]);
  });
});

describe('bad input', () => {
  const attempt = (dockerfile: string, context: Record<string, string> = {}): unknown => {
    const engine = new Engine();
    try { build(engine, dockerfile, { context, tags: ['bad:1'] }); } catch (error) { return { error, tagged: engine.hasImage('bad:1') }; }
    return { error: undefined, tagged: engine.hasImage('bad:1') };
  };

  it.each([
    ['a failing RUN', 'FROM alpine\nRUN false\n', /^The command '\/bin\/sh -c false' returned a non-zero code: 1$/, 2],
    ['an unknown command', 'FROM alpine\nRUN frobnicate\n', /returned a non-zero code: 127$/, 2],
    ['a missing context file', 'FROM alpine\nCOPY nope /\n', /file not found in build context/, 2],
    ['a source outside the context', 'FROM alpine\nCOPY ../secret /\n', /forbidden path outside the build context/, 2],
    ['ADD of a URL', 'FROM alpine\nADD https://example.com/x /\n', /not supported offline/, 2],
    ['a base image that does not exist', 'FROM nosuchimage:1\n', /pull access denied for nosuchimage/, 1],
  ])('%s fails with one located error and tags nothing', (_what, dockerfile, message, line) => {
    const { error, tagged } = attempt(dockerfile) as { error: Error & { location?: { line: number } }; tagged: boolean };
    expect(isBuildError(error)).toBe(true);
    expect(error.message).toMatch(message);
    expect(error.location?.line).toBe(line);
    expect(tagged).toBe(false);
  });

  it('an unknown instruction is a parse error with its position', () => {
    const { error } = attempt('FROM alpine\nFROBNICATE x\n') as { error: Error & { line: number } };
    expect(isDockerfileParseError(error)).toBe(true);
    expect(error.line).toBe(2);
  });
});

describe('COPY and ADD', () => {
  it('ADD of a local tar unpacks it; COPY keeps it as a file (Docker\'s rule)', () => {
    const engine = new Engine();
    const tar = layerTarOf({ 'app/run.sh': '#!/bin/sh\n', 'app/conf/x.ini': 'x=1\n' });
    const added = build(engine, 'FROM alpine\nADD bundle.tar /opt/\n', { context: { 'bundle.tar': tar } }).image;
    const copied = build(engine, 'FROM alpine\nCOPY bundle.tar /opt/\n', { context: { 'bundle.tar': tar } }).image;
    const top = (image: typeof added) => image.layers[image.layers.length - 1].tree;
    expect(top(added).walk('opt/app/conf/x.ini')?.type).toBe('file');
    expect(top(copied).walk('opt/bundle.tar')?.type).toBe('file');
    expect(top(copied).walk('opt/app')).toBeUndefined();
  });

  it('--chown and --chmod set owner and mode; .dockerignore keeps files out of the context', () => {
    const engine = new Engine();
    const image = build(engine, 'FROM alpine\nCOPY --chown=1000:1000 --chmod=600 . /src/\n', {
      context: { 'main.c': 'int main(){}', 'secret.key': 'k', '.dockerignore': '*.key\n' },
    }).image;
    const top = image.layers[image.layers.length - 1].tree;
    const main = top.walk('src/main.c')!;
    expect([main.uid, main.gid, main.mode]).toEqual([1000, 1000, 0o600]);
    expect(top.walk('src/secret.key')).toBeUndefined();
  });
});

function layerTarOf(files: Record<string, string>): Uint8Array {
  const dirs = new Set<string>();
  for (const path of Object.keys(files)) path.split('/').slice(0, -1).forEach((_, i, parts) => dirs.add(parts.slice(0, i + 1).join('/')));
  return dockerLayerTar([
    ...[...dirs].map((name) => ({ name: name + '/', type: 'dir' as const, mode: 0o755, uid: 0, gid: 0, mtime: 1700000000, size: 0 })),
    ...Object.entries(files).map(([name, text]) => ({ name, type: 'file' as const, mode: 0o644, uid: 0, gid: 0, mtime: 1700000000, size: text.length, data: Buffer.from(text) })),
  ]);
}

describe('narration', () => {
  it('says under each layer step what it added, changed and deleted', () => {
    const engine = new Engine();
    const { output } = build(engine, 'FROM alpine\nRUN echo x > /new && echo y >> /etc/motd && rm /etc/hostname\n', { narrate: true });
    expect(output).toMatch(/ ---> layer: 1 added, 1 changed, 1 deleted \(\d+(\.\d+)?k?B\)/);
  });
});

describe('steps already run in this process', () => {
  it('are replayed on a fresh host with the same output, the same image and layers on that host\'s own disk', () => {
    const first = new Engine();
    const a = build(first, SEED, { context: CONTEXT, tags: ['test:v1'] });
    const second = new Engine();
    const b = build(second, SEED, { context: CONTEXT, tags: ['test:v1'] });
    expect(b.output).toBe(a.output);
    expect(b.image.id).toBe(a.image.id);
    expect(b.image.layers.map((layer) => layer.tree.disk)).toEqual(b.image.layers.map(() => second.disk));
    expect(b.image.layers[1].tree).not.toBe(a.image.layers[1].tree);
    expect(b.image.layers[1].tree.walk('usr/bin/vim')?.size).toBe(a.image.layers[1].tree.walk('usr/bin/vim')?.size);
  });
});

describe('replayed and run steps agree', () => {
  it('a step after a replayed one makes the same bytes as after a run one (file times come from the step, not the disk\'s past)', async () => {
    const { forgetSteps } = await import('../../src/engine/build/step-memo');
    const TWO = 'FROM alpine\nRUN echo a > /a\nRUN mkdir -p /x/y && echo b > /x/y/b\n';
    forgetSteps();
    const ran = build(new Engine(), TWO).image.id;
    forgetSteps();
    build(new Engine(), 'FROM alpine\nRUN echo a > /a\n');
    const mixed = build(new Engine(), TWO).image.id;
    expect(mixed).toBe(ran);
  });
});
