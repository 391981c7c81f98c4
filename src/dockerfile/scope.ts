// Which variables an instruction can see (reference "Scope" under ARG, and "Using ARG variables"):
// ARGs before the first FROM live in the global scope and serve FROM lines only; a stage sees its
// own ARGs (a bare `ARG NAME` re-declares a global one and takes its value) and its ENV, and ENV
// always wins over an ARG of the same name. `--build-arg` overrides any declared default.

import { DEFAULT_SHELL } from './history';
import type { ImageConfigLookup } from './types';

/** StageScope: what one stage has declared so far, plus what it inherited from its base. */
export interface StageScope {
  env: Map<string, string>;
  args: Map<string, string | undefined>;
  shell: string[];
  workdir: string;
}

/** GlobalScope: the ARGs before the first FROM and the `--build-arg` values. */
export interface GlobalScope {
  args: Map<string, string | undefined>;
  buildArgs: Record<string, string>;
}

/**
 * platformArgs: the platform ARGs BuildKit predefines in the global scope, for one platform.
 *
 * @example
 * platformArgs('linux/arm64/v8').get('TARGETVARIANT') // 'v8'
 */
export function platformArgs(platform: string): Map<string, string> {
  const [os = 'linux', arch = 'amd64', variant = ''] = platform.split('/');
  const args = new Map<string, string>();
  for (const prefix of ['BUILD', 'TARGET']) {
    args.set(`${prefix}PLATFORM`, platform);
    args.set(`${prefix}OS`, os);
    args.set(`${prefix}ARCH`, arch);
    args.set(`${prefix}VARIANT`, variant);
  }
  return args;
}

/**
 * lookupIn: the variable lookup for substitution inside a stage: ENV first, then ARG.
 *
 * @example
 * lookupIn(scope)('HOME')
 */
export function lookupIn(scope: StageScope): (name: string) => string | undefined {
  return (name) => (scope.env.has(name) ? scope.env.get(name) : scope.args.get(name));
}

/**
 * declareArg records `ARG key[=default]` in `args` and returns the value now in effect:
 * the build arg, else the default, else the global ARG's value (for a bare global `ARG
 * TARGETARCH` that is the predefined platform value).
 *
 * @example
 * declareArg(new Map(), { key: 'V', defaultValue: '1' }, { args: new Map(), buildArgs: { V: '2' } }) // '2'
 */
export function declareArg(
  args: Map<string, string | undefined>,
  arg: { key: string; defaultValue?: string },
  global: GlobalScope,
): string | undefined {
  const value = Object.prototype.hasOwnProperty.call(global.buildArgs, arg.key)
    ? global.buildArgs[arg.key]
    : arg.defaultValue ?? global.args.get(arg.key);
  args.set(arg.key, value);
  return value;
}

/**
 * visibleBuildArgs: the ARGs a RUN sees as environment (those with a value and not shadowed by
 * ENV); the classic builder lists them in the history line (moby `BuildArgs.FilterAllowed`).
 *
 * @example
 * visibleBuildArgs(scope) // { VERSION: '1.2' }
 */
export function visibleBuildArgs(scope: StageScope): Record<string, string> {
  const visible: Record<string, string> = {};
  for (const [key, value] of scope.args) {
    if (value !== undefined && !scope.env.has(key)) visible[key] = value;
  }
  return visible;
}

/**
 * scopeForImage: the starting scope of a stage built on an image: its ENV, WORKDIR and SHELL
 * when `imageConfig` knows the image, else an empty environment at `/` with `/bin/sh -c`.
 *
 * @example
 * scopeForImage('alpine', () => ({ Env: ['PATH=/bin'] })).env.get('PATH') // '/bin'
 */
export function scopeForImage(ref: string | undefined, imageConfig?: ImageConfigLookup): StageScope {
  const config = ref === undefined ? undefined : imageConfig?.(ref);
  const env = new Map<string, string>();
  for (const entry of config?.Env ?? []) {
    const equals = entry.indexOf('=');
    env.set(equals < 0 ? entry : entry.slice(0, equals), equals < 0 ? '' : entry.slice(equals + 1));
  }
  const shell = config?.Shell && config.Shell.length > 0 ? [...config.Shell] : [...DEFAULT_SHELL];
  return { env, args: new Map(), shell, workdir: config?.WorkingDir || '/' };
}

/**
 * scopeForStage: a stage built `FROM` an earlier stage inherits its ENV, SHELL and WORKDIR (they
 * are in the image config) but not its ARGs (those end with the stage).
 *
 * @example
 * scopeForStage(builderScope).args.size // 0
 */
export function scopeForStage(parent: StageScope): StageScope {
  return { env: new Map(parent.env), args: new Map(), shell: [...parent.shell], workdir: parent.workdir };
}
