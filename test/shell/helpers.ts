// Test helpers: a small container root filesystem in memfs, and a one-call way to run a line.
import { Volume } from 'memfs';
import { runShell, type RunShellOptions, type ShellResult } from '../../src/shell/runShell';
import type { ShellFs } from '../../src/shell/types';

/** A Debian-like /etc with root, a daemon user and an `app` user (uid 1000) in group `app`. */
export const BASE_FILES: Record<string, string> = {
  '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\napp:x:1000:1000::/home/app:/bin/sh\n',
  '/etc/group': 'root:x:0:\ndaemon:x:1:\nstaff:x:50:app\napp:x:1000:\n',
  '/root/.keep': '',
  '/tmp/.keep': '',
};

/** makeFs: a memfs volume holding BASE_FILES plus `files`, typed as the shell's fs. */
export function makeFs(files: Record<string, string> = {}): ShellFs {
  return Volume.fromJSON({ ...BASE_FILES, ...files }) as unknown as ShellFs;
}

/** sh: runs `line` over `fs` (a fresh one by default) as root in `/`. */
export function sh(line: string, options: Partial<RunShellOptions> = {}): ShellResult & { fs: ShellFs } {
  const fs = options.fs ?? makeFs();
  return { ...runShell(line, { ...options, fs }), fs };
}

/** read: a file's text. */
export function read(fs: ShellFs, path: string): string {
  return fs.readFileSync(path).toString();
}
