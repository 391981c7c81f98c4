// The version comes from package.json at run time, so there is one place to bump it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * packageVersion returns the `version` field of layerlab's package.json.
 * @example
 * packageVersion() // '0.1.0'
 */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8'));
  return String(manifest.version);
}
