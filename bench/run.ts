// npm run bench [-- --quick] [--only PATTERN …] [--no-reference] [--out FILE]
//
// Runs every benchmark suite, writes results.json ({"measurements": [...]}) and prints a table.
// Suites are modules with the same record shape: overlay, import, build and lessons.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Measurement } from './harness/record';
import type { Suite, SuiteContext } from './harness/suite';
import { onlyFilter } from './harness/suite';
import { formatTable } from './harness/table';
import { overlaySuite } from './overlay/suite';
import { importSuite } from './import/suite';
import { buildSuite } from './build/suite';
import { lessonsSuite } from './lessons/suite';

const SUITES: Suite[] = [overlaySuite, importSuite, buildSuite, lessonsSuite];

/** Options: what the command line asked for. */
interface Options {
  quick: boolean;
  only: string[];
  referenceOff?: string;
  out: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { quick: false, only: [], out: join(__dirname, 'results.json') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--only') options.only.push(argv[++i] ?? '');
    else if (arg === '--no-reference') options.referenceOff = '--no-reference was given';
    else if (arg === '--out') options.out = argv[++i] ?? options.out;
    else throw new Error(`unknown argument ${arg}; use --quick, --only PATTERN, --no-reference or --out FILE`);
  }
  return options;
}

function contextOf(options: Options): SuiteContext {
  // Full runs time each case for at least ~0.6 s (after warm-up), quick ones for ~0.1 s.
  const plan = options.quick ? { warmup: 1, runs: 5, minTotalMs: 100 } : { warmup: 3, runs: 9, minTotalMs: 600 };
  return {
    quick: options.quick, wanted: onlyFilter(options.only), referenceOff: options.referenceOff,
    timing: { reads: plan, writes: plan },
    log: (line) => process.stderr.write(`  ${line}\n`),
  };
}

async function main(): Promise<void> {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') console.error('note: run with node --expose-gc (npm run bench does) so each measurement starts after a full GC');
  const options = parseArgs(process.argv.slice(2));
  const context = contextOf(options);
  const started = Date.now();
  const measurements: Measurement[] = [];
  for (const suite of SUITES) {
    context.log(`suite ${suite.name}`);
    measurements.push(...(await suite.run(context)));
  }
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, JSON.stringify({ measurements }, null, 2) + '\n');
  console.log(formatTable(measurements));
  console.log(`\n${measurements.length} measurements in ${((Date.now() - started) / 1000).toFixed(0)} s → ${options.out}`);
}

main().catch((error: Error) => {
  // A wrong argument needs a sentence, anything else the stack that shows where it broke.
  console.error(error.message.startsWith('unknown argument') ? error.message : error.stack ?? error.message);
  process.exitCode = 1;
});
