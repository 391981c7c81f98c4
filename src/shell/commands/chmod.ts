// chmod and chown always make the system call, even when nothing would change: in an overlay
// that alone copies a lower file up, which is why `RUN chmod -R …` can double an image's size.
import type { Command, CommandContext } from '../types';
import { parseMode, type ModeChange } from './mode';
import { walkTree } from './tree';
import { attempt, fsError, parseOptions, quote, resolvePath, statOf, usageError } from './util';
import { readGroups, readPasswd } from './users';

/**
 * chmod: `chmod 755 f`, `chmod u+x,go-w f`, `chmod -R a+rX dir`.
 *
 * @example
 * // in the shell: chmod +x /usr/local/bin/entrypoint.sh
 */
export const chmod: Command = (ctx) => {
  // `chmod -x f`: an argument made of mode letters is the mode, not an option (GNU does the same).
  const modeLike = ctx.args.find((a) => /^-[rwxXst]+$/.test(a));
  const opts = parseOptions(ctx.args.filter((a) => a !== modeLike), { flags: 'Rvcf', long: { recursive: 'R' } });
  if (opts.error) return usageError(ctx, 'chmod', opts.error);
  const operands = modeLike ? [modeLike, ...opts.operands] : opts.operands;
  if (operands.length < 2) return usageError(ctx, 'chmod', operands.length ? `missing operand after ${quote(operands[0])}` : 'missing operand');
  const change = parseMode(operands[0]);
  if (!change) return usageError(ctx, 'chmod', `invalid mode: ${quote(operands[0])}`);
  return applyToEach(ctx, 'chmod', operands.slice(1), { recursive: opts.flags.has('R'), follow: true }, (path, display) => chmodOne(ctx, path, display, change));
};

function chmodOne(ctx: CommandContext, path: string, display: string, change: ModeChange): boolean {
  const stats = statOf(ctx, path, false);
  if (!stats || stats.isSymbolicLink()) return true; // symlinks met while recursing are skipped
  const code = attempt(() => ctx.fs.chmodSync(path, change(stats.mode, stats.isDirectory())));
  return !code || complain(ctx, `chmod: changing permissions of ${quote(display)}: ${fsError({ code })}`);
}

// Operands are followed through symlinks (unless chown -h); with -R, entries below them are not.
function applyToEach(ctx: CommandContext, cmd: string, operands: string[], how: { recursive: boolean; follow: boolean }, act: (path: string, display: string) => boolean): number {
  let ok = true;
  for (const operand of operands) {
    const path = resolvePath(ctx, operand);
    if (!statOf(ctx, path, how.follow)) { ok = complain(ctx, `${cmd}: cannot access ${quote(operand)}: ${fsError({ code: 'ENOENT' })}`); continue; }
    const real = how.follow && statOf(ctx, path, false)?.isSymbolicLink() ? followLink(ctx, path) : path;
    if (how.recursive) walkTree(ctx, real, operand, (p, d) => { ok = act(p, d) && ok; });
    else ok = act(real, operand) && ok;
  }
  return ok ? 0 : 1;
}

function followLink(ctx: CommandContext, path: string): string {
  const target = ctx.fs.readlinkSync(path);
  return resolvePath({ cwd: path.replace(/\/[^/]*$/, '') || '/' }, target);
}

/**
 * chown: `chown app:app f`, `chown 1000 f`, `chown -R www-data: /var/www`. Names are looked up
 * in the container's /etc/passwd and /etc/group.
 *
 * @example
 * // in the shell: chown -R app:app /home/app
 */
export const chown: Command = (ctx) => {
  const opts = parseOptions(ctx.args, { flags: 'RhvcfHLP', long: { recursive: 'R', 'no-dereference': 'h' } });
  if (opts.error) return usageError(ctx, 'chown', opts.error);
  if (opts.operands.length < 2) return usageError(ctx, 'chown', opts.operands.length ? `missing operand after ${quote(opts.operands[0])}` : 'missing operand');
  const owner = parseOwner(ctx, opts.operands[0]);
  if (typeof owner === 'string') { ctx.stderr(`chown: ${owner}\n`); return 1; }
  const noDereference = opts.flags.has('h');
  const how = { recursive: opts.flags.has('R'), follow: !noDereference };
  return applyToEach(ctx, 'chown', opts.operands.slice(1), how, (path, display) => chownOne(ctx, path, display, owner, noDereference));
};

interface Owner { uid?: number; gid?: number }

function chownOne(ctx: CommandContext, path: string, display: string, owner: Owner, noDereference: boolean): boolean {
  const stats = ctx.fs.lstatSync(path);
  const uid = owner.uid ?? stats.uid;
  const gid = owner.gid ?? stats.gid;
  const link = noDereference || stats.isSymbolicLink();
  const code = attempt(() => (link ? ctx.fs.lchownSync(path, uid, gid) : ctx.fs.chownSync(path, uid, gid)));
  return !code || complain(ctx, `chown: changing ownership of ${quote(display)}: ${fsError({ code })}`);
}

// `user`, `user:group`, `user:` (the user's login group), `:group`; names or numbers.
function parseOwner(ctx: CommandContext, spec: string): Owner | string {
  const [user, group] = spec.includes(':') ? spec.split(/:(.*)/s) : [spec, undefined];
  const passwd = readPasswd(ctx.fs);
  const entry = user ? passwd.find((u) => u.name === user) ?? (/^\d+$/.test(user) ? { uid: Number(user), gid: undefined } : undefined) : undefined;
  if (user && !entry) return `invalid user: ${quote(spec)}`;
  if (group === '') return entry?.gid === undefined ? `invalid spec: ${quote(spec)}` : { uid: entry.uid, gid: entry.gid };
  if (group === undefined) return { uid: entry?.uid };
  const gid = readGroups(ctx.fs).find((g) => g.name === group)?.gid ?? (/^\d+$/.test(group) ? Number(group) : undefined);
  if (gid === undefined) return `invalid group: ${quote(spec)}`;
  return { uid: entry?.uid, gid };
}

function complain(ctx: CommandContext, line: string): false {
  ctx.stderr(line + '\n');
  return false;
}
