// Build and parse errors name the Dockerfile line; the CLI shows them with a caret excerpt.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatError } from '../../dockerfile/format-error';
import { isDockerfileParseError } from '../../dockerfile/errors';
import { isBuildError } from '../../engine/build/errors';

/** located runs `work`, turning Dockerfile errors into one message that says where. */
export function located<T>(work: () => T, context: string, then: (value: T) => void, file = 'Dockerfile'): void {
  let value: T;
  try {
    value = work();
  } catch (error) {
    if (isDockerfileParseError(error)) throw new Error(formatError(error, safeRead(join(context, file))));
    if (isBuildError(error) && error.location) throw new Error(`${error.message} (${file} line ${error.location.line})`);
    throw error;
  }
  then(value);
}

function safeRead(path: string): string {
  try { return readFileSync(path, 'utf8'); } catch { return ''; }
}
