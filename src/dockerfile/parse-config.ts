// The instructions that set one field of the image config: WORKDIR, USER, EXPOSE, VOLUME,
// STOPSIGNAL, MAINTAINER, ONBUILD. Messages follow buildkit `instructions/parse.go`.

import { expandAt, failAt, warnAt, type LineContext } from './context';
import { goPrintSlice, nopCreatedBy, workdirCreatedBy } from './history';
import { joinPath } from './parse-copy';
import { lookupIn, type StageScope } from './scope';
import { readJsonArray, splitBlanks, type Token } from './words';
import type {
  ExposeInstruction, MaintainerInstruction, OnbuildInstruction, StopSignalInstruction,
  UserInstruction, VolumeInstruction, WorkdirInstruction,
} from './types';

// WORKDIR, USER, STOPSIGNAL and MAINTAINER take the whole rest of the line as one argument.
function oneArgument(context: LineContext): Token {
  if (context.command.rest.text === '') return failAt(context, `${context.keyword} requires exactly one argument`);
  return context.command.rest;
}

function located(context: LineContext) {
  return { position: context.position, source: context.source };
}

/**
 * parseWorkdir: a relative WORKDIR continues from the previous one (moby `normalizeWorkdir`).
 *
 * @example
 * parseDockerfile('FROM a\nWORKDIR /app\nWORKDIR src').stages[0].instructions[1].resolvedPath // '/app/src'
 */
export function parseWorkdir(context: LineContext, scope: StageScope): WorkdirInstruction {
  const path = expandAt(context, oneArgument(context), lookupIn(scope));
  if (path === '') return failAt(context, 'cannot normalize nothing', context.command.rest);
  scope.workdir = path.startsWith('/') ? joinPath('/', path) : joinPath(scope.workdir, path);
  const createdBy = workdirCreatedBy(scope.shell, scope.workdir);
  return { kind: 'WORKDIR', path, resolvedPath: scope.workdir, createdBy, ...located(context) };
}

/**
 * parseUser: `USER name[:group]` or `USER uid[:gid]`.
 *
 * @example
 * parseDockerfile('FROM a\nUSER nobody').stages[0].instructions[0].createdBy // '/bin/sh -c #(nop)  USER nobody'
 */
export function parseUser(context: LineContext, scope: StageScope): UserInstruction {
  const user = expandAt(context, oneArgument(context), lookupIn(scope));
  return { kind: 'USER', user, createdBy: nopCreatedBy(scope.shell, `USER ${user}`), ...located(context) };
}

const PORT = /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/i;

/**
 * parseExpose: `EXPOSE 80 443/tcp`; Docker sorts the words as strings before anything else,
 * so the history says `EXPOSE 443/tcp 80`.
 *
 * @example
 * parseDockerfile('FROM a\nEXPOSE 80').stages[0].instructions[0].ports // ['80']
 */
export function parseExpose(context: LineContext, scope: StageScope): ExposeInstruction {
  const words = splitBlanks(context.command.rest).sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  if (words.length === 0) return failAt(context, 'EXPOSE requires at least one argument');
  const lookup = lookupIn(scope);
  const ports = words.flatMap((word) => {
    const expanded = expandAt(context, word, lookup).split(/\s+/).filter((port) => port !== '');
    const bad = expanded.find((port) => !PORT.test(port));
    return bad === undefined ? expanded : failAt(context, `invalid containerPort: ${bad}`, word);
  });
  return { kind: 'EXPOSE', ports, createdBy: nopCreatedBy(scope.shell, `EXPOSE ${ports.join(' ')}`), ...located(context) };
}

/**
 * parseVolume: `VOLUME /data /logs` or `VOLUME ["/data"]`.
 *
 * @example
 * parseDockerfile('FROM a\nVOLUME /data').stages[0].instructions[0].createdBy // '/bin/sh -c #(nop)  VOLUME [/data]'
 */
export function parseVolume(context: LineContext, scope: StageScope): VolumeInstruction {
  const rest = context.command.rest;
  const json = readJsonArray(rest.text);
  if (json.kind === 'not-strings') return failAt(context, 'when using JSON array syntax, arrays must be comprised of strings only', rest);
  const tokens = json.kind === 'json' ? json.values.map((text) => ({ text, offset: rest.offset })) : splitBlanks(rest);
  if (tokens.length === 0) return failAt(context, 'VOLUME requires at least one argument');
  const lookup = lookupIn(scope);
  const paths = tokens.map((token) => {
    if (token.text.trim() === '') return failAt(context, 'VOLUME specified can not be an empty string', token);
    return expandAt(context, { text: token.text.trim(), offset: token.offset }, lookup);
  });
  const form = json.kind === 'json' ? 'exec' : 'shell';
  return { kind: 'VOLUME', form, paths, createdBy: nopCreatedBy(scope.shell, `VOLUME ${goPrintSlice(paths)}`), ...located(context) };
}

const SIGNALS = new Set(
  ('ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS ' +
    'TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX').split(' '),
);

// moby/sys/signal `ParseSignal`: a number other than 0, or a Linux name with or without `SIG`.
function isSignal(text: string): boolean {
  if (/^\d+$/.test(text)) return Number(text) !== 0;
  const name = text.toUpperCase().replace(/^SIG/, '');
  return SIGNALS.has(name) || /^RTMIN\+([1-9]|1[0-5])$|^RTMAX-([1-9]|1[0-4])$/.test(name);
}

/**
 * parseStopSignal: the signal `docker stop` sends first.
 *
 * @example
 * parseDockerfile('FROM a\nSTOPSIGNAL SIGQUIT').stages[0].instructions[0].signal // 'SIGQUIT'
 */
export function parseStopSignal(context: LineContext, scope: StageScope): StopSignalInstruction {
  const signal = expandAt(context, oneArgument(context), lookupIn(scope));
  if (!isSignal(signal)) return failAt(context, `Invalid signal: ${signal}`, context.command.rest);
  return { kind: 'STOPSIGNAL', signal, createdBy: nopCreatedBy(scope.shell, `STOPSIGNAL ${signal}`), ...located(context) };
}

/**
 * parseMaintainer: deprecated, still parsed; a LABEL says the same thing.
 *
 * @example
 * parseDockerfile('FROM a\nMAINTAINER me').stages[0].instructions[0].maintainer // 'me'
 */
export function parseMaintainer(context: LineContext, scope: StageScope): MaintainerInstruction {
  const maintainer = oneArgument(context).text;
  warnAt(context, 'MaintainerDeprecated', 'Maintainer instruction is deprecated in favor of using label');
  return { kind: 'MAINTAINER', maintainer, createdBy: nopCreatedBy(scope.shell, `MAINTAINER ${maintainer}`), ...located(context) };
}

/**
 * parseOnbuild: a trigger stored in the image and run by builds that start FROM it.
 *
 * @example
 * parseDockerfile('FROM a\nONBUILD RUN make').stages[0].instructions[0].trigger // 'RUN make'
 */
export function parseOnbuild(context: LineContext, scope: StageScope): OnbuildInstruction {
  const rest = context.command.rest;
  if (rest.text === '') return failAt(context, 'ONBUILD requires at least one argument');
  const trigger = rest.text.split(/\s+/)[0].toUpperCase();
  if (trigger === 'ONBUILD') return failAt(context, "Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed", rest);
  if (trigger === 'FROM' || trigger === 'MAINTAINER') return failAt(context, `${trigger} isn't allowed as an ONBUILD trigger`, rest);
  const expression = context.source.replace(/^\s*ONBUILD\s*/i, '');
  return { kind: 'ONBUILD', trigger: expression, createdBy: nopCreatedBy(scope.shell, `ONBUILD ${expression}`), ...located(context) };
}
