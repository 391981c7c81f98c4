// What the machine was doing while a measurement ran. Benchmarks here share a small machine with
// other work; a ratio measured while every core was busy is noisier, and the record should say so.
import { cpus, loadavg } from 'node:os';

/**
 * BUSY: how every busy-machine note starts.
 * @example note.startsWith(BUSY)
 */
export const BUSY = 'machine busy';

/**
 * busyNote: a note for a measurement taken while the 1-minute load average exceeded the number of
 * CPUs, or undefined on a quiet machine.
 * @example const note = busyNote(); if (note) notes.push(note);
 */
export function busyNote(load: number = loadavg()[0], cores: number = cpus().length): string | undefined {
  if (load <= cores) return undefined;
  return `${BUSY}: 1-minute load average ${load.toFixed(1)} on ${cores} CPUs while measuring; both sides took turns, but ratios are noisier than on a quiet machine`;
}

/**
 * busySummary: one line for all busy-machine notes of a run (how many measurements, the load range),
 * or undefined when there were none.
 * @example busySummary(['machine busy: 1-minute load average 7.5 on 2 CPUs …'])  // 'machine busy during 1 measurement …'
 */
export function busySummary(notes: string[]): string | undefined {
  const loads = notes.filter((note) => note.startsWith(BUSY)).map((note) => Number(/load average ([\d.]+)/.exec(note)?.[1]));
  if (loads.length === 0) return undefined;
  const range = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  const plural = loads.length === 1 ? '' : 's';
  return `${BUSY} during ${loads.length} measurement${plural} (1-minute load average ${range} on ${cpus().length} CPUs): the ratios are noisier than on a quiet machine`;
}
