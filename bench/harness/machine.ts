// What the machine was doing while a measurement ran. Benchmarks here share a small machine with
// other work; a ratio measured while every core was busy is noisier, and the record should say so.
import { cpus, loadavg } from 'node:os';

/**
 * busyNote: a note for a measurement taken while the 1-minute load average exceeded the number of
 * CPUs, or undefined on a quiet machine.
 * @example const note = busyNote(); if (note) notes.push(note);
 */
export function busyNote(load: number = loadavg()[0], cores: number = cpus().length): string | undefined {
  if (load <= cores) return undefined;
  return `machine busy: 1-minute load average ${load.toFixed(1)} on ${cores} CPUs while measuring; both sides took turns, but ratios are noisier than on a quiet machine`;
}
