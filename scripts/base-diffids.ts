// Records each bundled base image's layer diffID in its assets/bases/<folder>/image.json, under
// config.rootfs.diff_ids, as a real image config names its layers. A process that pulls the image
// then knows the diffID without hashing the generated layer tar (37 MB for centos).
//
//   node --import tsx scripts/base-diffids.ts          write the diffIDs
//   node --import tsx scripts/base-diffids.ts --check  exit 1 if any is missing or stale
//
// Run it after changing a rootfs.txt or files/, or the way placeholder bytes or layer tars are
// made; test/engine/base-images.test.ts fails until then.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBaseImage } from '../src/image/bases';
import { baseLayerEntries } from '../src/engine/base-images';
import { writeTarParts } from '../src/layer/tar/write';

const bases = join(__dirname, '../assets/bases');

function diffIDOf(reference: string): string {
  const hash = createHash('sha256');
  for (const part of writeTarParts(baseLayerEntries(loadBaseImage(reference)))) hash.update(part);
  return `sha256:${hash.digest('hex')}`;
}

/** The files' own layout: two-space indent, arrays of strings on one line. */
function format(json: unknown): string {
  const text = JSON.stringify(json, null, 2);
  return text.replace(/\[\n\s+("(?:[^"\\]|\\.)*"(?:,\n\s+"(?:[^"\\]|\\.)*")*)\n\s+\]/g, (_, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`) + '\n';
}

function main(check: boolean): number {
  let stale = 0;
  for (const folder of readdirSync(bases, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    const file = join(bases, folder, 'image.json');
    const image = JSON.parse(readFileSync(file, 'utf8'));
    const diffID = diffIDOf(`${image.name}:${image.tag}`);
    if (image.config.rootfs?.diff_ids?.[0] === diffID) continue;
    stale++;
    console.log(`${folder}: ${diffID}${check ? ' (image.json says otherwise)' : ''}`);
    if (!check) writeFileSync(file, format({ ...image, config: { ...image.config, rootfs: { type: 'layers', diff_ids: [diffID] } } }));
  }
  return check && stale > 0 ? 1 : 0;
}

process.exitCode = main(process.argv.includes('--check'));
