// HEALTHCHECK's own little grammar (buildkit `instructions/parse.go` `parseHealthcheck`): a type
// word (CMD or NONE), then a command; durations come from flags in Go's duration syntax.

import { failAt, type LineContext } from './context';
import { goParseDuration } from './go-format';
import { healthcheckComment } from './history';
import type { CommandText } from './parse-exec';
import type { HealthConfig } from './types';
import type { Token } from './words';

const MINIMUM_NS = 1e6; // container.MinimumDuration = 1ms

/**
 * readHealthConfig reads the rest of a HEALTHCHECK line into Docker's HealthConfig and the
 * history comment that describes it.
 *
 * @example
 * readHealthConfig(context, readCommand).health.test // ['CMD-SHELL', 'curl -f http://localhost/']
 */
export function readHealthConfig(
  context: LineContext,
  readCommand: (rest: Token) => CommandText,
): { health: HealthConfig; comment: string } {
  const rest = context.command.rest;
  const gap = /\s+/.exec(rest.text);
  const type = (gap ? rest.text.slice(0, gap.index) : rest.text).toUpperCase();
  const after = gap ? gap.index + gap[0].length : rest.text.length;
  const command = { text: rest.text.slice(after), offset: rest.offset + after };
  if (type === '') return failAt(context, 'HEALTHCHECK requires at least one argument');
  const health = type === 'NONE' ? noneConfig(context, command) : cmdConfig(context, type, readCommand(command));
  return { health, comment: healthcheckComment(health) };
}

function noneConfig(context: LineContext, command: Token): HealthConfig {
  if (command.text !== '') return failAt(context, 'HEALTHCHECK NONE takes no arguments', command);
  return { test: ['NONE'], interval: 0, timeout: 0, startPeriod: 0, startInterval: 0, retries: 0 };
}

function cmdConfig(context: LineContext, type: string, command: CommandText): HealthConfig {
  if (type !== 'CMD') return failAt(context, `Unknown type "${type}" in HEALTHCHECK (try CMD)`);
  if (command.args.length === 0) return failAt(context, 'Missing command after HEALTHCHECK CMD');
  return {
    test: [command.form === 'exec' ? 'CMD' : 'CMD-SHELL', ...command.args],
    interval: durationFlag(context, 'interval'),
    timeout: durationFlag(context, 'timeout'),
    startPeriod: durationFlag(context, 'start-period'),
    startInterval: durationFlag(context, 'start-interval'),
    retries: retriesFlag(context),
  };
}

// An unset or zero duration means "inherit from the base image"; anything else must be ≥ 1ms.
function durationFlag(context: LineContext, name: string): number {
  const text = context.flags[name]?.[0];
  if (text === undefined || text === '') return 0;
  const parsed = goParseDuration(text);
  if (typeof parsed !== 'number') return failAt(context, parsed.problem);
  if (parsed !== 0 && parsed < MINIMUM_NS) return failAt(context, `Interval "${name}" cannot be less than 1ms`);
  return parsed;
}

function retriesFlag(context: LineContext): number {
  const text = context.flags.retries?.[0];
  if (text === undefined || text === '') return 0;
  if (!/^[+-]?\d+$/.test(text)) return failAt(context, `strconv.ParseInt: parsing "${text}": invalid syntax`);
  const retries = Number(text);
  if (retries < 0) return failAt(context, `--retries cannot be negative (${retries})`);
  return retries;
}
