// `layerlab layers`, `efficiency` and `export` through main, as a user types them.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { haveShared, sharedPath } from '../helpers/shared';
import { importArchive } from '../../src/archive/import';

async function run(argv: string[]): Promise<{ status: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(argv, { io: { out: (t) => out.push(t), err: (t) => err.push(t) } });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

describe.skipIf(!haveShared('archive command tests'))('archive commands', () => {
  const sim = `oci:${sharedPath('fixtures/generated/sim-oci')}:latest`;
  const dive = `docker-archive:${sharedPath('fixtures/dive/data/test-docker-image.tar')}`;

  it('layers prints each layer with its changes', async () => {
    const { status, out } = await run(['layers', sim]);
    expect(status).toBe(0);
    expect(out).toContain('Layer 2/3  sha256:b993378ad89f');
    expect(out).toContain('  D /app/b.txt');
  });

  it("efficiency prints dive's numbers", async () => {
    const { status, out } = await run(['efficiency', dive]);
    expect(status).toBe(0);
    expect(out).toContain('efficiency: 98.4421 %');
    expect(out).toContain('wastedBytes: 32025 bytes');
  });

  it('export writes an archive that imports to the same image, keeping the tag', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'layerlab-cli-export-'));
    try {
      const { status, out } = await run(['export', dive, `docker-archive:${dir}/save.tar`]);
      expect(status).toBe(0);
      expect(out).toBe(`sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a -> ${dir}/save.tar`);
      const again = await importArchive(`${dir}/save.tar`, { reference: 'dive-test:latest' });
      expect(again.image.id).toBe('sha256:75ae28b8ebf89b203319069ddcbecdf5c3838503bbebc0d0d85e4b8589c5de3a');
      expect((await run(['export', sim, `oci:${dir}/gz:latest`, '--gzip'])).status).toBe(0);
      expect((await importArchive(`${dir}/gz`)).image.id).toBe('sha256:6755bbec23fa14149815d124eff9e0a471db7f048b2fbbf8ca2a771fddb90af6');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('archive command errors', () => {
  it('says which transports exist: an unknown one is a usage error (status 2)', async () => {
    const { status, err } = await run(['layers', 'docker://alpine']);
    expect(status).toBe(2);
    expect(err).toMatch(/^layerlab layers: unknown SOURCE 'docker:\/\/alpine': use dockerfile:CONTEXT, docker-archive:FILE, oci:DIR\[:TAG\] or oci-archive:FILE/);
  });

  it('is a usage error (status 2) without a SOURCE', async () => {
    expect((await run(['efficiency'])).status).toBe(2);
    expect((await run(['export', 'oci:x'])).status).toBe(2);
  });

  it('names a missing archive', async () => {
    const { status, err } = await run(['layers', 'oci-archive:/nonexistent/x.tar']);
    expect(status).toBe(1);
    expect(err).toContain('/nonexistent/x.tar: cannot open it (ENOENT)');
  });
});
