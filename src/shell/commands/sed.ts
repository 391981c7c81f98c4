// sed: the stream editor, enough for Dockerfile one-liners. `sed -i` edits like GNU sed: it
// writes the result to a temporary file in the same directory and renames it over the original
// (so the file is replaced, not rewritten in place: a new inode, and in an overlay a new upper
// file rather than a copy-up of the old one).
import { posix } from 'node:path';
import type { Command, CommandContext } from '../types';
import { readInput, splitLines } from './input';
import { parseSedScript, SedScriptError, type Address, type SedCommand } from './sedScript';
import { attempt, fsError, resolvePath, statOf, usageError } from './util';

interface SedArgs { scripts: string[]; files: string[]; inPlace?: string; quiet: boolean; extended: boolean; error?: string }

/**
 * sed: `sed -i 's/^#\(PermitRoot\)/\1/' /etc/ssh/sshd_config`, `sed -n '1p' f`, `sed '/^$/d'`.
 *
 * @example
 * // in the shell: sed -i -e 's|http://|https://|g' /etc/apk/repositories
 */
export const sed: Command = (ctx) => {
  const args = parseSedArgs(ctx.args);
  if (args.error) return usageError(ctx, 'sed', args.error);
  if (!args.scripts.length) return usageError(ctx, 'sed', 'no script specified', 1);
  const commands = parseSedScript(args.scripts.join('\n'), args.extended);
  if (commands instanceof SedScriptError) { ctx.stderr(`sed: ${commands.message}\n`); return 1; }
  if (args.inPlace !== undefined) return editInPlace(ctx, args, commands);
  let status = 0;
  const texts: string[] = [];
  for (const file of args.files.length ? args.files : ['-']) {
    const text = readInput(ctx, file);
    if (typeof text === 'string') texts.push(text);
    else { ctx.stderr(`sed: can't read ${file}: ${text.reason}\n`); status = 2; }
  }
  ctx.stdout(runSed(texts.join(''), commands, args.quiet));
  return status;
};

// sed's options are irregular: `-i` takes an optional suffix glued to it (`-i.bak`), and the
// first operand is the script unless -e gave one.
function parseSedArgs(argv: string[]): SedArgs {
  const out: SedArgs = { scripts: [], files: [], quiet: false, extended: false };
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--in-place' || arg.startsWith('--in-place=')) out.inPlace = arg.slice(11);
    else if (arg === '--expression' || arg === '--regexp-extended' || arg === '--quiet') i = longOption(arg, argv, i, out);
    else if (/^-[^-]/.test(arg)) i = shortOptions(argv, i, out);
    else operands.push(arg);
  }
  if (!out.scripts.length && operands.length) out.scripts.push(operands.shift()!);
  out.files = operands;
  return out;
}

function longOption(arg: string, argv: string[], i: number, out: SedArgs): number {
  if (arg === '--expression') { out.scripts.push(argv[i + 1] ?? ''); return i + 1; }
  if (arg === '--quiet') out.quiet = true;
  else out.extended = true;
  return i;
}

function shortOptions(argv: string[], i: number, out: SedArgs): number {
  const arg = argv[i];
  for (let j = 1; j < arg.length; j++) {
    const letter = arg[j];
    if (letter === 'i') { out.inPlace = arg.slice(j + 1); return i; }
    if (letter === 'e' || letter === 'f') {
      const value = j + 1 < arg.length ? arg.slice(j + 1) : argv[++i];
      if (value === undefined) out.error = `option requires an argument -- '${letter}'`;
      else out.scripts.push(value);
      return i;
    }
    if (letter === 'n') out.quiet = true;
    else if (letter === 'r' || letter === 'E') out.extended = true;
    else if (!'suz'.includes(letter)) out.error = `invalid option -- '${letter}'`;
  }
  return i;
}

let tempCounter = 0;

function editInPlace(ctx: CommandContext, args: SedArgs, commands: SedCommand[]): number {
  if (!args.files.length) { ctx.stderr('sed: no input files\n'); return 1; }
  let status = 0;
  for (const file of args.files) {
    const path = resolvePath(ctx, file);
    const stats = statOf(ctx, path);
    const text = readInput(ctx, file);
    if (typeof text !== 'string' || !stats) { ctx.stderr(`sed: can't read ${file}: ${typeof text === 'string' ? 'No such file or directory' : text.reason}\n`); status = 2; continue; }
    if (!stats.isFile()) { ctx.stderr(`sed: couldn't edit ${file}: not a regular file\n`); status = 4; continue; }
    const temp = posix.join(posix.dirname(path), `sed${String(++tempCounter).padStart(6, '0')}`);
    const code = attempt(() => {
      ctx.fs.writeFileSync(temp, runSed(text, commands, args.quiet), { mode: stats.mode & 0o7777 });
      ctx.fs.chownSync(temp, stats.uid, stats.gid);
      if (args.inPlace) ctx.fs.renameSync(path, path + args.inPlace);
      ctx.fs.renameSync(temp, path);
    });
    if (code) { ctx.stderr(`sed: couldn't open temporary file ${temp}: ${fsError({ code })}\n`); status = 4; }
  }
  return status;
}

/**
 * runSed: applies parsed commands to text, line by line, as sed's main loop does.
 *
 * @example
 * runSed('a\nb\n', parseSedScript('s/a/x/', false) as SedCommand[], false) // 'x\nb\n'
 */
export function runSed(text: string, commands: SedCommand[], quiet: boolean): string {
  const lines = splitLines(text);
  let out = '';
  for (let n = 0; n < lines.length; n++) {
    const newline = lines[n].endsWith('\n') ? '\n' : '';
    const cycle = runCycle(lines[n].slice(0, lines[n].length - newline.length), n + 1, n === lines.length - 1, commands);
    out += cycle.before + (quiet || cycle.deleted ? '' : cycle.space + newline) + cycle.after;
    if (cycle.quit) break;
  }
  return out;
}

// `before`: what p, =, i and s///p printed during the cycle; `after`: text queued by `a`.
interface Cycle { space: string; before: string; after: string; deleted: boolean; quit: boolean }

function runCycle(line: string, number: number, last: boolean, commands: SedCommand[]): Cycle {
  const cycle: Cycle = { space: line, before: '', after: '', deleted: false, quit: false };
  for (const command of commands) {
    if (matches(command.address, cycle.space, number, last) === command.negate) continue;
    if (command.name === 's') substitute(cycle, command);
    else if (command.name === 'p') cycle.before += cycle.space + '\n';
    else if (command.name === '=') cycle.before += `${number}\n`;
    else if (command.name === 'i') cycle.before += command.text + '\n';
    else if (command.name === 'a') cycle.after += command.text + '\n';
    else if (command.name === 'q') { cycle.quit = true; break; }
    else { cycle.deleted = true; break; }
  }
  return cycle;
}

function matches(address: Address, space: string, number: number, last: boolean): boolean {
  if (!address) return true;
  if ('line' in address) return address.line === number;
  if ('last' in address) return last;
  address.regex.lastIndex = 0;
  return address.regex.test(space);
}

// Like String.replace, but with POSIX's rule that an empty match right after a match does not
// count (so `s/a*/X/g` turns "baaac" into "XbXcX", as GNU sed does, not "XbXXcX").
function substitute(cycle: Cycle, command: Extract<SedCommand, { name: 's' }>): void {
  const text = cycle.space;
  const { regex, occurrence, global } = command;
  let result = '';
  let cursor = 0;
  let previousEnd = -1;
  let count = 0;
  for (let from = 0; from <= text.length;) {
    regex.lastIndex = from;
    const match = regex.exec(text);
    if (!match) break;
    const end = match.index + match[0].length;
    from = end > match.index ? end : end + 1;
    if (end === match.index && match.index === previousEnd) continue;
    previousEnd = end;
    if (++count < occurrence) continue;
    result += text.slice(cursor, match.index) + expandReplacement(command.replacement, [...match]);
    cursor = end;
    if (!global) break;
  }
  if (count < occurrence) return;
  cycle.space = result + text.slice(cursor);
  if (command.print) cycle.before += cycle.space + '\n';
}

// `&` is the whole match, `\1`…`\9` the groups, `\n` a newline, `\&` a literal `&`.
function expandReplacement(replacement: string, groups: (string | undefined)[]): string {
  return replacement.replace(/\\([0-9&n\\]|[^])|&/g, (token, escaped: string | undefined) => {
    if (escaped === undefined) return groups[0] ?? '';
    if (/[0-9]/.test(escaped)) return groups[Number(escaped)] ?? '';
    return escaped === 'n' ? '\n' : escaped;
  });
}
