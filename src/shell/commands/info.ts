// Commands that report who and where we are: pwd, whoami, id, env.
import type { Command, CommandContext } from '../types';
import { quoteWord } from '../trace';
import { parseOptions, usageError } from './util';
import { readGroups, readPasswd, userName, type PasswdEntry } from './users';

/**
 * pwd: prints the working directory.
 *
 * @example
 * // in the shell: cd /app && pwd   →  "/app\n"
 */
export const pwd: Command = (ctx) => {
  ctx.stdout(ctx.cwd + '\n');
  return 0;
};

/**
 * whoami: the name of the current user, from the container's /etc/passwd.
 *
 * @example
 * // with USER 1000 and no passwd entry: "whoami: cannot find name for user ID 1000"
 */
export const whoami: Command = (ctx) => {
  const name = userName(ctx.fs, ctx.uid);
  if (name === undefined) {
    ctx.stderr(`whoami: cannot find name for user ID ${ctx.uid}\n`);
    return 1;
  }
  ctx.stdout(name + '\n');
  return 0;
};

/**
 * id: `uid=0(root) gid=0(root) groups=0(root)`; -u, -g, -G, -n; or `id USER`.
 *
 * @example
 * // in the shell: id -un   →  "root\n"
 */
export const id: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'ugGnr', long: { user: 'u', group: 'g', groups: 'G', name: 'n' } });
  if (opts.error) return usageError(ctx, 'id', opts.error);
  const who = whoFor(ctx, opts.operands[0]);
  if (!who) { ctx.stderr(`id: ${quoteWord(opts.operands[0])}: no such user\n`); return 1; }
  const groups = groupsOf(ctx, who);
  const label = (n: number, names: Map<number, string>) => (opts.flags.has('n') ? names.get(n) ?? String(n) : String(n));
  const users = new Map(readPasswd(ctx.fs).map((u) => [u.uid, u.name]));
  const groupNames = new Map(readGroups(ctx.fs).map((g) => [g.gid, g.name]));
  if (opts.flags.has('u')) ctx.stdout(label(who.uid, users) + '\n');
  else if (opts.flags.has('g')) ctx.stdout(label(who.gid, groupNames) + '\n');
  else if (opts.flags.has('G')) ctx.stdout(groups.map((g) => label(g, groupNames)).join(' ') + '\n');
  else ctx.stdout(`uid=${withName(who.uid, users)} gid=${withName(who.gid, groupNames)} groups=${groups.map((g) => withName(g, groupNames)).join(',')}\n`);
  return 0;
};

function whoFor(ctx: CommandContext, user: string | undefined): Pick<PasswdEntry, 'uid' | 'gid' | 'name'> | undefined {
  const passwd = readPasswd(ctx.fs);
  if (user === undefined) return { uid: ctx.uid, gid: ctx.gid, name: passwd.find((u) => u.uid === ctx.uid)?.name ?? '' };
  return passwd.find((u) => u.name === user || String(u.uid) === user);
}

// The primary group first, then every group that lists the user as a member.
function groupsOf(ctx: CommandContext, who: Pick<PasswdEntry, 'gid' | 'name'>): number[] {
  const extra = readGroups(ctx.fs).filter((g) => who.name && g.members.includes(who.name)).map((g) => g.gid);
  return [who.gid, ...extra.filter((g) => g !== who.gid)];
}

function withName(n: number, names: Map<number, string>): string {
  const name = names.get(n);
  return name === undefined ? String(n) : `${n}(${name})`;
}

/**
 * env: prints the environment (`NAME=value` lines), or runs a command with a changed one:
 * `env -i PATH=/bin sh -c 'echo $PATH'`, `env -u HOME cmd`.
 *
 * @example
 * // in the shell: env | grep ^PATH=
 */
export const env: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'i', withValue: 'u', long: { 'ignore-environment': 'i', unset: 'u' }, inOrder: true });
  if (opts.error) return usageError(ctx, 'env', opts.error, 125);
  const firstCommand = opts.operands.findIndex((a) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(a));
  const assignments = firstCommand < 0 ? opts.operands : opts.operands.slice(0, firstCommand);
  const removed = opts.flags.has('i') ? Object.keys(ctx.env) : [opts.values.get('u')].filter((u): u is string => u !== undefined);
  if (firstCommand < 0) return printEnvironment(ctx, removed, assignments);
  const unset = removed.length ? `unset ${removed.join(' ')}; ` : '';
  const command = opts.operands.slice(firstCommand).map(quoteWord).join(' ');
  return ctx.run(`${unset}${assignments.map((a) => exportLine(a)).join('')}exec ${command}`);
};

function exportLine(assignment: string): string {
  const at = assignment.indexOf('=');
  return `export ${assignment.slice(0, at)}=${quoteWord(assignment.slice(at + 1))}; `;
}

function printEnvironment(ctx: CommandContext, removed: string[], assignments: string[]): number {
  const vars = new Map(Object.entries(ctx.env).filter(([name]) => !removed.includes(name)));
  for (const a of assignments) vars.set(a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1));
  for (const [name, value] of vars) ctx.stdout(`${name}=${value}\n`);
  return 0;
}
