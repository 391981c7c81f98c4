// parseDockerfile: Dockerfile text in, stages of plain instructions out. The steps, each in its
// own module: split into logical lines (lines.ts) → name and flags (instructions.ts) → one
// parser per instruction, which substitutes variables in the scope of its stage (scope.ts) →
// links between stages (stages.ts).

import { failAt } from './context';
import { DockerfileParseError } from './errors';
import { readLine, STAGE_INSTRUCTIONS } from './instructions';
import { splitLines, type LogicalLine } from './lines';
import { parseFrom } from './parse-from';
import { readArgs } from './parse-vars';
import { declareArg, platformArgs, scopeForImage, scopeForStage, type GlobalScope, type StageScope } from './scope';
import { resolveStageRefs } from './stages';
import type { ArgDeclaration, ImageConfigLookup, ParsedDockerfile, ParseWarning, Stage } from './types';

/**
 * ParseOptions: how to read a Dockerfile; all optional.
 * @example
 * const options: ParseOptions = { buildArgs: { TAG: '3.19' } }; // as `docker build --build-arg TAG=3.19`
 * parseDockerfile('ARG TAG=latest\nFROM alpine:$TAG\n', options).stages[0].from.image // → alpine:3.19
 */
export interface ParseOptions {
  /** The name used in positions and messages. */
  file?: string;
  /** `--build-arg` values; they override ARG defaults. */
  buildArgs?: Record<string, string>;
  /** The platform behind BuildKit's predefined `TARGETPLATFORM`, `BUILDARCH`, … ARGs. */
  platform?: string;
  /** Base images' ENV, WORKDIR and SHELL, when known (they matter for `$VAR` and relative WORKDIR). */
  imageConfig?: ImageConfigLookup;
}

interface ParseState {
  file: string;
  escape: string;
  global: GlobalScope;
  globalArgs: ArgDeclaration[];
  stages: Stage[];
  scopes: StageScope[];
  stageNames: Map<string, number>;
  warnings: ParseWarning[];
  imageConfig?: ImageConfigLookup;
}

/**
 * parseDockerfile reads a Dockerfile into stages of plain instructions, each with its position
 * and the `created_by` text the classic builder would record. Throws DockerfileParseError.
 *
 * @example
 * const { stages } = parseDockerfile('FROM centos:latest\nRUN yum install -y vim\nADD start.sh /\n');
 * stages[0].instructions.map((i) => i.kind) // → [ 'RUN', 'ADD' ]
 */
export function parseDockerfile(text: string, options: ParseOptions = {}): ParsedDockerfile {
  const { file = 'Dockerfile', buildArgs = {}, platform = 'linux/amd64', imageConfig } = options;
  const split = splitLines(text, file);
  if (split.lines.length === 0) throw new DockerfileParseError('Dockerfile cannot be empty', { file, line: 1, column: 1 });
  const global: GlobalScope = { args: new Map(platformArgs(platform)), buildArgs };
  const state: ParseState = {
    file, escape: split.directives.escape, global, globalArgs: [], stages: [], scopes: [],
    stageNames: new Map(), warnings: split.warnings, imageConfig,
  };
  for (const line of split.lines) parseLine(state, line);
  if (state.stages.length === 0) {
    const first = split.lines[0];
    throw new DockerfileParseError('dockerfile contains no stages to build', { file, line: first.line, column: first.pieces[0].column });
  }
  resolveStageRefs(state.stages, state.warnings);
  warnUnusedBuildArgs(state, buildArgs);
  return { file, directives: split.directives, globalArgs: state.globalArgs, stages: state.stages, warnings: state.warnings };
}

function parseLine(state: ParseState, line: LogicalLine): void {
  const context = readLine(state.file, state.escape, line, state.warnings);
  if (context.keyword === 'FROM') return startStage(state, parseFrom(context, state.global, state.stageNames));
  const stage = state.stages[state.stages.length - 1];
  if (!stage && context.keyword === 'ARG') return declareGlobalArgs(state, readArgs(context, (name) => state.global.args.get(name)));
  if (!stage) return failAt(context, 'no build stage in current context');
  const parser = STAGE_INSTRUCTIONS[context.keyword];
  stage.instructions.push(parser(context, state.scopes[stage.index], state.global));
}

function startStage(state: ParseState, from: Stage['from']): void {
  const index = state.stages.length;
  const base = from.base;
  const scope = base.kind === 'stage' ? scopeForStage(state.scopes[base.index]) : scopeForImage(base.kind === 'image' ? base.ref : undefined, state.imageConfig);
  state.stages.push({ index, ...(from.stageName ? { name: from.stageName } : {}), from, instructions: [] });
  state.scopes.push(scope);
  if (from.stageName) state.stageNames.set(from.stageName, index);
}

function declareGlobalArgs(state: ParseState, args: ArgDeclaration[]): void {
  for (const arg of args) state.globalArgs.push({ ...arg, value: declareArg(state.global.args, arg, state.global) });
}

// `docker build` warns about --build-arg values no ARG asked for ("were not consumed").
function warnUnusedBuildArgs(state: ParseState, buildArgs: Record<string, string>): void {
  const declared = new Set<string>(state.globalArgs.map((arg) => arg.key));
  for (const scope of state.scopes) for (const key of scope.args.keys()) declared.add(key);
  const unused = Object.keys(buildArgs).filter((key) => !declared.has(key)).sort();
  if (unused.length === 0) return;
  const message = `One or more build-args [${unused.join(' ')}] were not consumed`;
  state.warnings.push({ rule: 'UnusedBuildArg', message, location: { file: state.file, line: 1, column: 1 } });
}
