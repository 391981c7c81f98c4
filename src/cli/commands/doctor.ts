// `layerlab doctor`: can this machine run the notebooks and the tests? Each check is plain data
// (what, ok, detail, fix), so the list can be tested and printed separately.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseCommandArgs } from '../args';
import type { CliIo, Command } from '../command';

/** Check: one requirement, whether it is met, and what to do if not. `required` ones set the exit status. */
export interface Check {
  what: string;
  ok: boolean;
  detail: string;
  fix?: string;
  required: boolean;
}

const repoRoot = join(__dirname, '..', '..', '..');
const debianTools = { umoci: 'umoci', skopeo: 'skopeo', getfattr: 'attr', tar: 'tar', zstd: 'zstd' };

function onPath(name: string): string | undefined {
  const dirs = (process.env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  return dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
}

function nodeCheck(): Check {
  const major = Number(process.versions.node.split('.')[0]);
  return { what: 'node', ok: major >= 20, detail: process.versions.node, fix: 'install Node.js 20 or newer', required: true };
}

/** Jupyter is found (and the tslab kernel registered) by the same script `npm start` uses. */
function jupyterCheck(): Check {
  const script = join(repoRoot, 'scripts', 'jupyter-setup.mjs');
  const result = spawnSync(process.execPath, [script], { encoding: 'utf8' });
  const setup = result.status === 0 ? JSON.parse(result.stdout) : { ok: false, reason: result.stderr.trim() };
  const detail = setup.ok ? `${setup.notebook} (Python ${setup.python}); tslab kernel in .jupyter/` : setup.reason;
  return { what: 'jupyter', ok: setup.ok, detail, fix: setup.howToInstall, required: true };
}

function toolChecks(): Check[] {
  const tools: Check[] = Object.entries(debianTools).map(([tool, pkg]) => {
    const path = onPath(tool);
    return { what: tool, ok: path !== undefined, detail: path ?? 'not found (some tests will skip)', fix: `sudo apt-get install -y ${pkg}`, required: false };
  });
  const chromium = existsSync('/usr/bin/chromium');
  tools.push({ what: 'chromium', ok: chromium, detail: chromium ? '/usr/bin/chromium' : 'not found (browser tests will skip)', fix: 'sudo apt-get install -y chromium', required: false });
  return tools;
}

/**
 * diagnose runs every check; it changes nothing except registering the tslab kernel in ./.jupyter.
 * @example
 * diagnose().filter((c) => !c.ok).map((c) => c.fix)
 */
export function diagnose(): Check[] {
  return [nodeCheck(), jupyterCheck(), ...toolChecks()];
}

function printCheck(io: CliIo, check: Check): void {
  io.out(`${check.ok ? '✓' : '✗'} ${check.what}: ${check.detail}`);
  if (!check.ok && check.fix) io.out(check.fix.replace(/^/gm, '    '));
}

/** doctor: the `layerlab doctor` command. */
export const doctor: Command = {
  name: 'doctor',
  summary: 'Check that this machine can run the notebooks and the tests.',
  usage: 'Usage: layerlab doctor\n\nExits with 1 when Node.js or Jupyter is missing; other tools only make some tests skip.',
  run(args: string[], io: CliIo): number {
    parseCommandArgs(args, {});
    const checks = diagnose();
    checks.forEach((check) => printCheck(io, check));
    return checks.some((check) => check.required && !check.ok) ? 1 : 0;
  },
};
