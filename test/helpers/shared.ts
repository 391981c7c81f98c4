// Where the team's ground truth lives: `../shared` beside the checkout (also in CI).
// On a user's clone it is absent; tests that need it skip and say why.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const sharedDir = resolve(__dirname, '../../../shared');

/** True when `../shared` exists; otherwise prints once why dependent tests skip. */
export function haveShared(what = 'this suite'): boolean {
  if (existsSync(sharedDir)) return true;
  console.log(`skipping ${what}: ${sharedDir} is absent (it holds the team's spec and fixtures)`);
  return false;
}

/** Absolute path of a file under `../shared`. */
export function sharedPath(...parts: string[]): string {
  return resolve(sharedDir, ...parts);
}
