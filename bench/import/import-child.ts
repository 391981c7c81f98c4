// One import, in a process of its own: `node --expose-gc --import tsx bench/import/import-child.ts
// ARCHIVE` imports the archive with full verification and prints one JSON line — how long the import
// took, the process's resident memory just before it and at its peak, and what it imported. A
// process of its own, so the benchmark harness's memory (and earlier suites' garbage) does not count.
import { readFileSync, writeFileSync } from 'node:fs';
import { importArchive } from '../../src/archive/import';

/** ChildReport: what the child prints. Bytes are resident set sizes; `peakFrom` says how the peak was read. */
export interface ChildReport {
  ms: number;
  baselineBytes: number;
  peakBytes: number;
  peakFrom: string;
  imageID: string;
  diffIDs: string[];
}

async function main(path: string): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  const baselineBytes = process.memoryUsage().rss;
  const peakFrom = resetPeak();
  const start = process.hrtime.bigint();
  const { image } = await importArchive(path, { verify: true });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const report: ChildReport = { ms, baselineBytes, peakBytes: readPeak(peakFrom), peakFrom, imageID: image.id, diffIDs: image.layers.map((l) => l.diffID) };
  process.stdout.write(JSON.stringify(report) + '\n');
}

// Linux keeps a high-water mark of RSS (VmHWM) that writing 5 to clear_refs resets, so the peak is the
// import's alone and not the module loading's before it (proc(5)). Elsewhere: getrusage's maxrss.
function resetPeak(): string {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return 'VmHWM of /proc/self/status, reset just before the import';
  } catch {
    return 'ru_maxrss (the whole child process)';
  }
}

function readPeak(from: string): number {
  const hwm = from.startsWith('VmHWM') ? /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8')) : null;
  return hwm ? Number(hwm[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

main(process.argv[2]).catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
});
