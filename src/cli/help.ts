// The texts `layerlab --help` and `layerlab COMMAND --help` print. Pure functions of the command
// table, so a test can compare them and a new command shows up without editing this file.
import type { Command } from './command';

/**
 * overview is the text of `layerlab --help`: what the tool is, then one line per command.
 * @example
 * console.log(overview(commands));
 */
export function overview(commands: Command[]): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length)) + 2;
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`);
  return [
    'layerlab: see container image layers and overlayfs union mounts at work.',
    '',
    'Usage: layerlab COMMAND [ARGS...]',
    '       layerlab COMMAND --help     show what one command does',
    '       layerlab --version          print the version',
    '',
    'Commands:',
    ...(lines.length > 0 ? lines : ['  (none yet)']),
  ].join('\n');
}

/**
 * commandHelp is the text of `layerlab NAME --help`: the summary, then the command's usage.
 * @example
 * console.log(commandHelp(doctor));
 */
export function commandHelp(command: Command): string {
  return `${command.summary}\n\n${command.usage}`;
}
