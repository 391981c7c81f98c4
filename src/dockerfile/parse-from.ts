// FROM starts a stage: `FROM [--platform=…] image [AS name]`. Only global ARGs (those before the
// first FROM) and the predefined platform ARGs can be used in it (reference "Understand how ARG
// and FROM interact").

import { expandAt, failAt, warnAt, type LineContext } from './context';
import type { GlobalScope } from './scope';
import { splitBlanks } from './words';
import type { FromBase, FromInstruction } from './types';

const STAGE_NAME = /^[a-z][a-z0-9-_.]*$/;

/**
 * parseFrom reads a FROM line; `stageNames` maps the names of earlier stages to their index, so
 * `FROM build` can start from a stage rather than an image.
 *
 * @example
 * parseDockerfile('FROM centos:latest').stages[0].from.base // { kind: 'image', ref: 'centos:latest' }
 */
export function parseFrom(context: LineContext, global: GlobalScope, stageNames: Map<string, number>): FromInstruction {
  const words = splitBlanks(context.command.rest);
  const stageName = readStageName(context, words.map((word) => word.text));
  const lookup = (name: string) => global.args.get(name);
  const image = expandAt(context, words[0], lookup);
  if (image === '') return failAt(context, `base name (${words[0].text}) should not be blank`, words[0]);
  const platformText = context.flags.platform?.[0];
  const platform = platformText === undefined ? undefined : expandAt(context, { text: platformText, offset: context.command.rest.offset }, lookup);
  if (stageName !== undefined && stageNames.has(stageName)) {
    return failAt(context, `duplicate stage name "${stageName}"`, words[2]);
  }
  const base = baseOf(image, stageNames);
  return {
    kind: 'FROM', image, base, position: context.position, source: context.source,
    ...(stageName === undefined ? {} : { stageName }),
    ...(platform === undefined ? {} : { platform }),
  };
}

// buildkit `parseBuildStageName`: one argument, or three with `AS` in the middle.
function readStageName(context: LineContext, args: string[]): string | undefined {
  if (args.length === 3 && args[1].toLowerCase() === 'as') {
    const name = args[2].toLowerCase();
    if (!STAGE_NAME.test(name)) {
      return failAt(context, `invalid name for build stage: "${args[2]}", name can't start with a number or contain symbols`);
    }
    warnCasing(context, args);
    return name;
  }
  if (args.length !== 1) return failAt(context, 'FROM requires either one or three arguments');
  return undefined;
}

function warnCasing(context: LineContext, args: string[]): void {
  if (args[2] !== args[2].toLowerCase()) {
    warnAt(context, 'StageNameCasing', `Stage name '${args[2]}' should be lowercase`);
  }
  const keyword = context.command.keyword.text;
  const keywordUpper = keyword === keyword.toUpperCase();
  const asUpper = args[1] === args[1].toUpperCase();
  if (keywordUpper !== asUpper) {
    warnAt(context, 'FromAsCasing', `'${args[1]}' and '${keyword}' keywords' casing do not match`);
  }
}

// `scratch` is the empty image; a name of an earlier stage is that stage; anything else is pulled.
function baseOf(image: string, stageNames: Map<string, number>): FromBase {
  if (image === 'scratch') return { kind: 'scratch' };
  const index = stageNames.get(image.toLowerCase());
  return index === undefined ? { kind: 'image', ref: image } : { kind: 'stage', index };
}
