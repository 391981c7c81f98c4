// Which instruction a line is, and who parses it. Instruction names are case-insensitive;
// an unknown one is an error with Docker's "did you mean" hint.

import { failAt, positionOf, type LineContext } from './context';
import { isFlagProblem, parseFlags } from './flags';
import type { LogicalLine } from './lines';
import { parseCopy } from './parse-copy';
import { parseExpose, parseMaintainer, parseOnbuild, parseStopSignal, parseUser, parseVolume, parseWorkdir } from './parse-config';
import { parseCmd, parseHealthcheck, parseRun, parseShell } from './parse-exec';
import { parseArg, parseEnv, parseLabel } from './parse-vars';
import type { GlobalScope, StageScope } from './scope';
import { splitCommand } from './words';
import type { Instruction, ParseWarning } from './types';

/** InstructionParser: reads one line inside a stage, updating the stage's scope. */
export type InstructionParser = (context: LineContext, scope: StageScope, global: GlobalScope) => Instruction;

/** STAGE_INSTRUCTIONS: the parser of every instruction that may follow FROM. */
export const STAGE_INSTRUCTIONS: Record<string, InstructionParser> = {
  ADD: parseCopy,
  ARG: parseArg,
  CMD: parseCmd,
  COPY: parseCopy,
  ENTRYPOINT: parseCmd,
  ENV: parseEnv,
  EXPOSE: parseExpose,
  HEALTHCHECK: parseHealthcheck,
  LABEL: parseLabel,
  MAINTAINER: parseMaintainer,
  ONBUILD: parseOnbuild,
  RUN: parseRun,
  SHELL: parseShell,
  STOPSIGNAL: parseStopSignal,
  USER: parseUser,
  VOLUME: parseVolume,
  WORKDIR: parseWorkdir,
};

const KNOWN = ['FROM', ...Object.keys(STAGE_INSTRUCTIONS)];

/**
 * readLine turns a logical line into a LineContext: instruction name checked, flags parsed.
 *
 * @example
 * readLine('Dockerfile', '\\', line, []).keyword // 'RUN'
 */
export function readLine(file: string, escape: string, line: LogicalLine, warnings: ParseWarning[]): LineContext {
  const command = splitCommand(line.text);
  const keyword = command.keyword.text.toUpperCase();
  const position = positionOf(file, line);
  const context: LineContext = { file, escape, line, command, keyword, flags: {}, position, source: line.text.trim(), warnings };
  if (!KNOWN.includes(keyword)) {
    const hint = suggestion(keyword);
    return failAt(context, `unknown instruction: ${command.keyword.text}${hint ? ` (did you mean ${hint}?)` : ''}`);
  }
  const flags = parseFlags(keyword, command.flags);
  if (isFlagProblem(flags)) return failAt(context, flags.problem, flags.token);
  context.flags = flags;
  return context;
}

// The closest known name, if it is close enough to be a typo (at most two edits away).
function suggestion(word: string): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const name of KNOWN) {
    const distance = editDistance(word, name);
    if (distance < bestDistance) [best, bestDistance] = [name, distance];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
