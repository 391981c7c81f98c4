// Finding a program the way execvp(3) does: try each directory of $PATH in order.
import { posix } from 'node:path';
import type { ShellFs } from './types';

/** DEFAULT_PATH: the PATH Docker gives a container whose image sets none. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * searchPath: the first executable regular file called `name` in the directories of `path`.
 *
 * @example
 * searchPath(fs, 'sh', DEFAULT_PATH) // '/bin/sh'
 */
export function searchPath(fs: ShellFs, name: string, path = DEFAULT_PATH): string | undefined {
  for (const dir of path.split(':')) {
    const candidate = posix.join(dir || '.', name);
    if (isExecutableFile(fs, candidate)) return candidate;
  }
  return undefined;
}

/** isExecutableFile: true for a regular file (after symlinks) with any execute bit. */
export function isExecutableFile(fs: ShellFs, path: string): boolean {
  try {
    const stats = fs.statSync(path);
    return stats.isFile() && (stats.mode & 0o111) !== 0;
  } catch {
    return false;
  }
}
