// The database queries students use to see what a layer installed: `rpm -qa` and `dpkg -l`.
import type { Command } from '../types';
import { exists } from './files';
import { fieldOf, readDpkgStatus } from './dpkgdb';
import { nevra, readRpmDb } from './rpmdb';

/**
 * rpm supports `rpm -qa` (every installed package) and `rpm -q NAME...` (exit 1 if one is missing).
 * @example
 * packageCommands.rpm({ ...ctx, args: ['-q', 'vim-enhanced'] }); // prints vim-enhanced-8.0.1763-15.el8.x86_64
 */
export const rpm: Command = (ctx) => {
  if (!exists(ctx.fs, '/usr/bin/rpm')) { ctx.stderr('/bin/sh: rpm: command not found\n'); return 127; }
  const records = readRpmDb(ctx.fs);
  const [mode, ...names] = ctx.args;
  if (mode === '-qa') { ctx.stdout(records.map((r) => nevra(r) + '\n').join('')); return 0; }
  if (mode !== '-q') { ctx.stderr('rpm: only -qa and -q are simulated by layerlab\n'); return 1; }
  let status = 0;
  for (const name of names) {
    const record = records.find((r) => r.name === name);
    if (record !== undefined) ctx.stdout(nevra(record) + '\n');
    else { ctx.stdout(`package ${name} is not installed\n`); status = 1; }
  }
  return status;
};

/**
 * dpkg supports `dpkg -l` (the package table) and `dpkg -L NAME` (its files, from info/*.list).
 * @example
 * packageCommands.dpkg({ ...ctx, args: ['-l'] }); // ii  bash  5.2.15-2+b2  amd64  GNU Bourne Again SHell
 */
export const dpkg: Command = (ctx) => {
  if (!exists(ctx.fs, '/usr/bin/dpkg')) { ctx.stderr('/bin/sh: 1: dpkg: not found\n'); return 127; }
  if (ctx.args[0] === '-L') return listFiles(ctx, ctx.args[1] ?? '');
  if (ctx.args[0] !== '-l') { ctx.stderr('dpkg: only -l and -L are simulated by layerlab\n'); return 2; }
  const rows = readDpkgStatus(ctx.fs).map((s) => ['ii', fieldOf(s, 'Package'), fieldOf(s, 'Version'), fieldOf(s, 'Architecture'), fieldOf(s, 'Description')]);
  const width = [2, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i + 1].length), ['Name', 'Version', 'Architecture', 'Description'][i].length));
  const line = (r: string[]) => `${r[0].padEnd(3)} ${r[1].padEnd(width[0])} ${r[2].padEnd(width[1])} ${r[3].padEnd(width[2])} ${r[4]}`.trimEnd() + '\n';
  ctx.stdout('Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n' +
    '|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n' + line(['||/', 'Name', 'Version', 'Architecture', 'Description']) +
    line(['+++', '='.repeat(width[0]), '='.repeat(width[1]), '='.repeat(width[2]), '='.repeat(12)]) + rows.map(line).join(''));
  return 0;
};

function listFiles(ctx: Parameters<Command>[0], name: string): number {
  const candidates = [`/var/lib/dpkg/info/${name}.list`, `/var/lib/dpkg/info/${name}:amd64.list`];
  const found = candidates.find((c) => exists(ctx.fs, c));
  if (found === undefined) { ctx.stderr(`dpkg-query: package '${name}' is not installed\n`); return 1; }
  ctx.stdout(ctx.fs.readFileSync(found).toString());
  return 0;
}
