#!/usr/bin/env node
// npm test: type-check with both compilers, run vitest, and end with one line CI can read:
//   N passed, N failed, N skipped
// Each type-check counts as one test in that line, so a type error can never hide behind green tests.
// Extra arguments go to vitest: `npm test -- test/cli` runs only that folder.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const reportFile = join(root, 'test-artifacts', 'vitest.json');

// Three checks because notebooks run through tslab, which bundles TypeScript 5.0 and compiles the
// library files a notebook imports without `strict` (where some narrowing works differently).
const compilers = [
  ['TypeScript (project)', 'node_modules/typescript/bin/tsc', 'tsconfig.json'],
  ['TypeScript 5.0 (tslab)', 'node_modules/@tslab/typescript-for-tslab/bin/tsc', 'tsconfig.json'],
  ['TypeScript 5.0 as tslab compiles notebooks (not strict)', 'node_modules/@tslab/typescript-for-tslab/bin/tsc', 'tsconfig.tslab.json'],
];

function run(args) {
  return spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' }).status === 0;
}

function typecheck([label, tsc, project]) {
  console.log(`\n▶ type-check with ${label}`);
  const ok = run([tsc, '--noEmit', '-p', project]);
  console.log(ok ? `✓ ${label}: no type errors` : `✗ ${label}: type errors above`);
  return ok;
}

/** Counts from vitest's JSON report; a test file that failed to load counts as one failure. */
function vitestCounts() {
  if (!existsSync(reportFile)) return { passed: 0, failed: 1, skipped: 0 };
  const json = JSON.parse(readFileSync(reportFile, 'utf8'));
  const brokenFiles = json.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0);
  return {
    passed: json.numPassedTests,
    failed: json.numFailedTests + brokenFiles.length,
    skipped: json.numPendingTests + json.numTodoTests,
  };
}

function runVitest(extraArgs) {
  console.log('\n▶ vitest');
  mkdirSync(dirname(reportFile), { recursive: true });
  rmSync(reportFile, { force: true });
  const vitest = 'node_modules/vitest/vitest.mjs';
  run([vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...extraArgs]);
  return vitestCounts();
}

const checks = compilers.map(typecheck);
const counts = runVitest(process.argv.slice(2));
counts.passed += checks.filter(Boolean).length;
counts.failed += checks.filter((ok) => !ok).length;
console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(counts.failed > 0 ? 1 : 0);
