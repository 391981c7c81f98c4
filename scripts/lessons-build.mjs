#!/usr/bin/env node
// npm run lessons:build — writes notebooks/NN-name.ipynb and notebooks/zh/NN-name.ipynb from
// notebooks/src/NN-name.md and notebooks/src/zh/NN-name.md (see scripts/lessons-lib.mjs).
// `--check` writes nothing and fails when a committed notebook differs from its source.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildLesson } from './lessons-lib.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const check = process.argv.includes('--check');
const srcDir = join(root, 'notebooks', 'src');
let stale = 0;

for (const name of readdirSync(srcDir).filter((f) => /^\d\d-.*\.md$/.test(f)).sort()) {
  const zhSource = join(srcDir, 'zh', name);
  if (!existsSync(zhSource)) { console.error(`${name}: missing its Chinese edition notebooks/src/zh/${name}`); process.exit(1); }
  let built;
  try {
    built = buildLesson(join(srcDir, name), zhSource);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const base = name.replace(/\.md$/, '.ipynb');
  for (const [out, text] of [[join(root, 'notebooks', base), built.en], [join(root, 'notebooks', 'zh', base), built.zh]]) {
    const same = existsSync(out) && readFileSync(out, 'utf8') === text;
    if (check) { if (!same) { console.error(`${out} is out of date: run npm run lessons:build`); stale++; } continue; }
    if (!same) writeFileSync(out, text);
    console.log(`${same ? 'unchanged' : 'wrote'} ${out.slice(root.length + 1)}`);
  }
}
process.exit(stale ? 1 : 0);
