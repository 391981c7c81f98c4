#!/usr/bin/env node
// npm run lessons:student [-- OUTDIR] — student copies of every lesson, solutions replaced by
// `// YOUR CODE HERE`, into OUTDIR (default notebooks/student/, which ignores itself in git).
// Each edition folder gets its own `lib` link to src/, as the notebooks import ./lib/index.
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripSolutions } from './lessons-lib.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outDir = resolve(process.argv[2] ?? join(root, 'notebooks', 'student'));
const src = join(root, 'src');

for (const edition of ['', 'zh']) {
  const from = join(root, 'notebooks', edition);
  const to = join(outDir, edition);
  mkdirSync(to, { recursive: true });
  if (!existsSync(join(to, 'lib'))) symlinkSync(relative(to, src), join(to, 'lib'));
  for (const name of readdirSync(from).filter((f) => f.endsWith('.ipynb')).sort()) {
    writeFileSync(join(to, name), stripSolutions(readFileSync(join(from, name), 'utf8')));
    console.log(`wrote ${join(to, name)}`);
  }
}
if (outDir === join(root, 'notebooks', 'student')) writeFileSync(join(outDir, '.gitignore'), '*\n');
