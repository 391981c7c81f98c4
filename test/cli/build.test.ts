// The build/inspect/history/tree commands, run through the CLI's main with a collecting io.
import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';

// Every context directory made here is removed when the file's tests are done.
const made: string[] = [];
afterAll(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); });

function contextDir(dockerfile: string, files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-'));
  made.push(dir);
  writeFileSync(join(dir, 'Dockerfile'), dockerfile);
  for (const [name, content] of Object.entries(files)) { writeFileSync(join(dir, name), content); chmodSync(join(dir, name), 0o755); }
  return dir;
}

async function run(args: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { io: { out: (t) => out.push(t), err: (t) => err.push(t) } });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const SEED = 'FROM alpine:latest\nRUN echo hi > /hello\nADD start.sh /\n';

describe('layerlab build / inspect / history / tree', () => {
  const dir = contextDir(SEED, { 'start.sh': '#!/bin/sh\necho hello\n' });

  it('build prints the classic builder\'s steps and Successfully tagged', async () => {
    const { status, out } = await run(['build', '-t', 'test:v1', dir]);
    expect(status).toBe(0);
    expect(out).toMatch(/Step 3\/3 : ADD start.sh \/\n ---> [0-9a-f]{12}\nSuccessfully built [0-9a-f]{12}\nSuccessfully tagged test:v1/);
  });

  it('inspect dockerfile:CONTEXT prints docker image inspect with three layers', async () => {
    const { status, out } = await run(['inspect', `dockerfile:${dir}`]);
    expect(status).toBe(0);
    expect(JSON.parse(out)[0].RootFS.Layers).toHaveLength(3);
  });

  it('history --no-trunc keeps whole IDs and commands', async () => {
    const { out } = await run(['history', '--no-trunc', `dockerfile:${dir}`]);
    expect(out.split('\n')[1]).toMatch(/^sha256:[0-9a-f]{64}\s/);
    expect(out).toContain('/bin/sh -c echo hi > /hello');
  });

  it('tree --json lists the merged rootfs sorted by path with type, octal mode and sha256 of files', async () => {
    const { out } = await run(['tree', '--json', `dockerfile:${dir}`]);
    const entries = JSON.parse(out);
    const paths = entries.map((e: { path: string }) => e.path);
    expect(paths).toEqual([...paths].sort());
    const hello = entries.find((e: { path: string }) => e.path === '/hello');
    expect(hello).toEqual({ path: '/hello', type: 'file', mode: '0644', uid: 0, gid: 0, size: 3, sha256: createHash('sha256').update('hi\n').digest('hex') });
    expect(entries.find((e: { path: string }) => e.path === '/start.sh').mode).toBe('0755');
  });

  it('a failing step prints the steps before it and one located error', async () => {
    const bad = contextDir('FROM alpine\nRUN exit 3\n');
    const { status, out, err } = await run(['build', bad]);
    expect(status).toBe(1);
    expect(out).toContain('Step 2/2 : RUN exit 3');
    expect(err).toBe("layerlab build: The command '/bin/sh -c exit 3' returned a non-zero code: 3 (Dockerfile line 2)");
  });

  it('an unknown SOURCE transport is a usage error', async () => {
    const { status, err } = await run(['tree', 'ftp:x']);
    expect(status).toBe(2);
    expect(err).toMatch(/unknown SOURCE 'ftp:x'/);
  });
});
