// ENV, LABEL and ARG: the instructions that name things. ENV and LABEL accept `key=value …` and
// the legacy `key value` (buildkit `parser/line_parsers.go` `parseNameVal`); ARG takes names with
// optional defaults. All substitutions in one instruction see the scope from *before* it, so
// `ENV abc=bye def=$abc` sets def to the old abc (reference, "Environment replacement").

import { expandAt, failAt, warnAt, type LineContext } from './context';
import { nopCreatedBy } from './history';
import { declareArg, lookupIn, type GlobalScope, type StageScope } from './scope';
import { splitWords, type Token } from './words';
import type { ArgDeclaration, ArgInstruction, EnvInstruction, KeyValue, LabelInstruction } from './types';

interface RawPair {
  key: Token;
  value: Token;
}

// Cut the words into key/value tokens, in either the modern or the legacy form.
function readPairs(context: LineContext): RawPair[] {
  const rest = context.command.rest;
  const words = splitWords(rest, context.escape);
  if (words.length === 0) return failAt(context, `${context.keyword} requires at least one argument`);
  if (!words[0].text.includes('=')) return [legacyPair(context, rest)];
  return words.map((word) => {
    const equals = word.text.indexOf('=');
    if (equals < 0) {
      return failAt(context, `Syntax error - can't find = in "${word.text}". Must be of the form: name=value`, word);
    }
    if (equals === 0) return failAt(context, `${context.keyword} names can not be blank`, word);
    const key = { text: word.text.slice(0, equals), offset: word.offset };
    return { key, value: { text: word.text.slice(equals + 1), offset: word.offset + equals + 1 } };
  });
}

// `ENV key the rest of the line`: one pair, the value being everything after the first blank.
function legacyPair(context: LineContext, rest: Token): RawPair {
  const gap = /[\t\v\f\r ]+/.exec(rest.text);
  if (!gap) return failAt(context, `${context.keyword} must have two arguments`);
  const key = { text: rest.text.slice(0, gap.index), offset: rest.offset };
  const valueStart = gap.index + gap[0].length;
  warnAt(context, 'LegacyKeyValueFormat', `"${context.keyword} key=value" should be used instead of legacy "${context.keyword} key value" format`);
  return { key, value: { text: rest.text.slice(valueStart), offset: rest.offset + valueStart } };
}

function expandPairs(context: LineContext, scope: StageScope): KeyValue[] {
  const lookup = lookupIn(scope);
  return readPairs(context).map((pair) => ({ key: expandAt(context, pair.key, lookup), value: expandAt(context, pair.value, lookup) }));
}

function describePairs(keyword: string, pairs: KeyValue[]): string {
  return [keyword, ...pairs.map((pair) => `${pair.key}=${pair.value}`)].join(' ');
}

/**
 * parseEnv: `ENV k=v …` or `ENV k v`; sets the variables for the instructions that follow.
 *
 * @example
 * parseDockerfile('FROM a\nENV A=1 B="x y"').stages[0].instructions[0] // { kind: 'ENV', pairs: [...] }
 */
export function parseEnv(context: LineContext, scope: StageScope): EnvInstruction {
  const pairs = expandPairs(context, scope);
  for (const pair of pairs) scope.env.set(pair.key, pair.value);
  const createdBy = nopCreatedBy(scope.shell, describePairs('ENV', pairs));
  return { kind: 'ENV', pairs, createdBy, position: context.position, source: context.source };
}

/**
 * parseLabel: `LABEL k=v …` (or the legacy `LABEL k v`).
 *
 * @example
 * parseDockerfile('FROM a\nLABEL version="1.0"').stages[0].instructions[0] // { kind: 'LABEL', pairs: [{ key: 'version', value: '1.0' }] }
 */
export function parseLabel(context: LineContext, scope: StageScope): LabelInstruction {
  const pairs = expandPairs(context, scope);
  const createdBy = nopCreatedBy(scope.shell, describePairs('LABEL', pairs));
  return { kind: 'LABEL', pairs, createdBy, position: context.position, source: context.source };
}

/**
 * readArgs: the names and defaults of an ARG line, substituted with `lookup`.
 *
 * @example
 * readArgs(context, () => undefined) // [{ key: 'VERSION', defaultValue: '1.0' }]
 */
export function readArgs(context: LineContext, lookup: (name: string) => string | undefined): ArgDeclaration[] {
  const words = splitWords(context.command.rest, context.escape);
  if (words.length === 0) return failAt(context, 'ARG requires at least one argument');
  return words.map((word) => {
    const equals = word.text.indexOf('=');
    if (equals === 0) return failAt(context, 'ARG names can not be blank', word);
    if (equals < 0) return { key: expandAt(context, word, lookup) };
    const key = expandAt(context, { text: word.text.slice(0, equals), offset: word.offset }, lookup);
    const value = { text: word.text.slice(equals + 1), offset: word.offset + equals + 1 };
    return { key, defaultValue: expandAt(context, value, lookup) };
  });
}

/**
 * parseArg: `ARG NAME[=default] …` inside a stage; the value in effect is the `--build-arg`,
 * else the default, else the global ARG of that name.
 *
 * @example
 * parseDockerfile('FROM a\nARG V=1', { buildArgs: { V: '2' } }).stages[0].instructions[0] // args[0].value === '2'
 */
export function parseArg(context: LineContext, scope: StageScope, global: GlobalScope): ArgInstruction {
  const declared = readArgs(context, lookupIn(scope));
  const args = declared.map((arg) => ({ ...arg, value: declareArg(scope.args, arg, global) }));
  const comment = args.map((arg) => (arg.defaultValue === undefined ? arg.key : `${arg.key}=${arg.defaultValue}`));
  const createdBy = nopCreatedBy(scope.shell, `ARG ${comment.join(' ')}`);
  return { kind: 'ARG', args, createdBy, position: context.position, source: context.source };
}
