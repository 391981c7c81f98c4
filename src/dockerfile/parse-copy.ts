// COPY and ADD: sources (from the build context, a stage, an image, or for ADD a URL) and one
// destination. The parser records Docker's destination rules as data; the builder applies them
// to real files. ADD from a URL is parsed and flagged here but refused by the builder, which is
// where the network would be needed (and `docker build` too fails only when it fetches).

import { expandAt, failAt, warnAt, type LineContext } from './context';
import { lookupIn, type StageScope } from './scope';
import { readJsonArray, splitBlanks, type Token } from './words';
import type { CommandForm, CopyInstruction, RemoteSource } from './types';

/**
 * parseCopy: `COPY [--from=…] [--chown=…] [--chmod=…] src… dest` and the same for ADD.
 * `from` is first recorded as an image; `resolveStageRefs` turns it into a stage afterwards.
 *
 * @example
 * parseDockerfile('FROM a\nADD start.sh /').stages[0].instructions[0] // { kind: 'ADD', sources: ['start.sh'], destination: '/' … }
 */
export function parseCopy(context: LineContext, scope: StageScope): CopyInstruction {
  const kind = context.keyword === 'ADD' ? 'ADD' : 'COPY';
  const { form, tokens } = readPaths(context);
  if (tokens.length < 2) {
    return failAt(context, `${kind} requires at least two arguments, but only one was provided. Destination could not be determined`);
  }
  const lookup = lookupIn(scope);
  const words = tokens.map((token) => expandAt(context, token, lookup));
  const sources = words.slice(0, -1);
  const destination = words[words.length - 1];
  if (sources.length > 1 && !destination.endsWith('/')) {
    const problem = `When using ${kind} with more than one source file, the destination must be a directory and end with a /`;
    return failAt(context, problem, tokens[tokens.length - 1]);
  }
  const remoteSources = findRemoteSources(context, kind, sources, tokens);
  return {
    kind,
    form,
    sources,
    destination,
    resolvedDestination: resolveDestination(scope.workdir, destination),
    destinationIsDirectory: destination.endsWith('/'),
    hasWildcards: sources.some(hasWildcards),
    ...copyFlags(context, scope),
    remoteSources,
    shell: [...scope.shell],
    position: context.position,
    source: context.source,
  };
}

// Docker's `parseMaybeJSONToList`: a JSON array, or words split on blanks (quotes do not group,
// which is why paths with spaces need the JSON form).
function readPaths(context: LineContext): { form: CommandForm; tokens: Token[] } {
  const rest = context.command.rest;
  const json = readJsonArray(rest.text);
  if (json.kind === 'not-strings') return failAt(context, 'when using JSON array syntax, arrays must be comprised of strings only', rest);
  if (json.kind === 'json') return { form: 'exec', tokens: json.values.map((text) => ({ text, offset: rest.offset })) };
  return { form: 'shell', tokens: splitBlanks(rest) };
}

function copyFlags(context: LineContext, scope: StageScope) {
  const lookup = lookupIn(scope);
  const flag = (name: string) => {
    const value = context.flags[name]?.[0];
    const token = context.command.flags.find((candidate) => candidate.text.startsWith(`--${name}=`));
    const offset = token ? token.offset + name.length + 3 : context.command.keyword.offset;
    return value === undefined ? undefined : expandAt(context, { text: value, offset }, lookup);
  };
  const from = flag('from');
  return {
    ...(from === undefined ? {} : { from: { kind: 'image' as const, ref: from } }),
    ...optional('chown', flag('chown')),
    ...optional('chmod', flag('chmod')),
    link: context.flags.link?.[0] === 'true',
  };
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

// moby `urlutil`: http(s) is a URL; a git remote is `git://`, `git@`, `github.com/`, or a URL
// ending in `.git` (optionally with `#ref`).
function remoteKind(source: string): RemoteSource['kind'] | undefined {
  const isUrl = /^https?:\/\//.test(source);
  if (/^(git:\/\/|git@|github\.com\/)/.test(source) || (isUrl && /\.git(#.+)?$/.test(source))) return 'git';
  return isUrl ? 'url' : undefined;
}

function findRemoteSources(context: LineContext, kind: string, sources: string[], tokens: Token[]): RemoteSource[] {
  const remote: RemoteSource[] = [];
  sources.forEach((source, index) => {
    const found = remoteKind(source);
    if (!found) return;
    if (kind === 'COPY') failAt(context, "source can't be a URL for COPY", tokens[index]);
    remote.push({ kind: found, url: source });
    warnAt(context, 'AddFromUrlOffline', `ADD from a URL is not supported offline: ${source}`, tokens[index]);
  });
  return remote;
}

/**
 * hasWildcards: whether a source is a pattern (`*`, `?`, `[`), which may match several files.
 *
 * @example
 * hasWildcards('*.txt') // true
 */
export function hasWildcards(source: string): boolean {
  return /(^|[^\\])[*?[]/.test(source);
}

/**
 * resolveDestination: a relative destination is inside WORKDIR; a trailing slash survives
 * (moby `normalizeDest`).
 *
 * @example
 * resolveDestination('/app', 'src/') // '/app/src/'
 */
export function resolveDestination(workdir: string, destination: string): string {
  if (destination.startsWith('/')) return destination;
  const joined = joinPath(workdir, destination);
  return destination.endsWith('/') && joined !== '/' ? `${joined}/` : joined;
}

/**
 * joinPath: Go's path.Join("/", base, relative), i.e. a cleaned absolute path.
 *
 * @example
 * joinPath('/app', '../etc/./x') // '/etc/x'
 */
export function joinPath(base: string, relative: string): string {
  const parts: string[] = [];
  for (const part of `${base}/${relative}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '' && part !== '.') parts.push(part);
  }
  return '/' + parts.join('/');
}
