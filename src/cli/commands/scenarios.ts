// `layerlab scenarios FILE.json [--only ID,ID]`: replay overlay scenarios through the simulation and
// print one JSON document, the contract of ../shared/spec/scenario-runner.md. The same file can be
// replayed on a real kernel and the two outputs compared.
import { readFileSync } from 'node:fs';
import { parseCommandArgs } from '../args';
import { UsageError, type CliIo, type Command } from '../command';
import { runScenarios, type Scenario } from '../../scenarios/runner';

function readScenarios(file: string): { scenarios: Scenario[] } | Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export const scenarios: Command = {
  name: 'scenarios',
  summary: 'Replay overlay scenarios (the kernel-recorded JSON format) through the simulation.',
  usage: [
    'layerlab scenarios FILE.json [--only ID,ID]',
    '',
    'FILE.json holds {"scenarios": [...]} or one scenario. Prints {"results": [...]} on stdout:',
    'per scenario its mount_result, one {"ok": value} or {"err": "ERRNO"} per op, and the merged',
    'and upper trees in compact notation.',
  ].join('\n'),
  run(args: string[], io: CliIo): number {
    const { options, positionals } = parseCommandArgs(args, { only: { type: 'string' } });
    if (positionals.length !== 1) throw new UsageError({ command: 'scenarios', problem: 'scenarios needs exactly one FILE.json' });
    const input = readScenarios(positionals[0]);
    const only = typeof options.only === 'string' ? options.only.split(',').filter(Boolean) : undefined;
    io.out(JSON.stringify(runScenarios(input, only), null, 1));
    return 0;
  },
};
