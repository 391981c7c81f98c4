import type { Stats, Dirent } from 'node:fs';
/**
 * ShellFs: the part of node:fs the shell needs; an overlay mount, a memfs Volume and node:fs all provide it.
 * @example
 * // An overlay mount is one (so are node:fs and a memfs Volume): pass it as it is.
 * const fs = mountLayers([{ name: 'base', files: { etc: { motd: 'hi\n' } } }]).m;
 * runShell('ls /etc', { fs }).stdout // → motd
 */
export interface ShellFs {
  readFileSync(path: string): Buffer;
  writeFileSync(path: string, data: string | Uint8Array, options?: { mode?: number; flag?: string }): void;
  appendFileSync(path: string, data: string | Uint8Array): void;
  statSync(path: string): Stats;
  lstatSync(path: string): Stats;
  lstatSync(path: string, options: { throwIfNoEntry: false }): Stats | undefined;
  existsSync(path: string): boolean;
  readdirSync(path: string, options: { withFileTypes: true }): Dirent[];
  mkdirSync(path: string, options?: { recursive?: boolean; mode?: number }): string | undefined;
  rmdirSync(path: string): void;
  unlinkSync(path: string): void;
  renameSync(from: string, to: string): void;
  symlinkSync(target: string, path: string): void;
  readlinkSync(path: string): string;
  linkSync(existing: string, newPath: string): void;
  chmodSync(path: string, mode: number): void;
  chownSync(path: string, uid: number, gid: number): void;
  lchownSync(path: string, uid: number, gid: number): void;
  utimesSync(path: string, atime: number | Date, mtime: number | Date): void;
  truncateSync(path: string, len?: number): void;
  /**
   * writeSharedFileSync (optional): writeFileSync then chmodSync, for bytes that never change (a
   * package's payload): the file keeps `data` itself instead of a copy. An overlay mount has it;
   * elsewhere the package tools write a copy.
   */
  writeSharedFileSync?(path: string, data: Uint8Array, mode: number): void;
}
/**
 * CommandContext: what one command invocation sees. Paths in `args` are as typed; resolve them against `cwd`.
 * @example
 * const whereAmI = (ctx: CommandContext): number => { ctx.stdout(`${ctx.cwd} as uid ${ctx.uid}\n`); return 0; };
 * runShell('whereami', { fs: mountLayers([{ name: 'base', files: {} }]).m, uid: 1000, commands: { whereami: whereAmI } }).stdout // → / as uid 1000
 */
export interface CommandContext {
  fs: ShellFs;
  args: string[];               // argv without the command name
  cwd: string;                  // absolute path inside the container
  env: Record<string, string>;
  stdin: string;
  stdout(text: string): void;
  stderr(text: string): void;
  uid: number; gid: number;
  /** Run another command line in the same shell (for sh -c, xargs-like helpers). Returns its exit code. */
  run(commandLine: string): number;
  /** The current time in milliseconds: the simulated host's clock, so `touch` and `ls -l` agree with it. */
  now?(): number;
}
/**
 * Command: a builtin; returns the exit status (0 = success). Must not throw for user errors: print to stderr, return non-zero.
 * @example
 * const hello: Command = (ctx) => { ctx.stdout(`hello ${ctx.args.join(' ')}\n`); return 0; };
 * runShell('hello world', { fs: mountLayers([{ name: 'base', files: {} }]).m, commands: { hello } }).stdout // → hello world
 */
export type Command = (ctx: CommandContext) => number;
/**
 * CommandTable: commands by name, as the shell looks them up.
 * @example
 * const table: CommandTable = defaultCommands();
 * table.pwd({ fs: mountLayers([{ name: 'base', files: {} }]).m, args: [], cwd: '/tmp', env: {}, stdin: '',
 *   stdout: (text) => console.log(text.trim()), stderr: () => {}, uid: 0, gid: 0, run: () => 0 }); // → /tmp
 */
export type CommandTable = Record<string, Command>;
