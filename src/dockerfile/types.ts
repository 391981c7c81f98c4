// The plain data the parser hands to the builder: one object per instruction, grouped in stages.
// Every value is already substituted ($VAR replaced) where Docker substitutes it, and each
// instruction knows where it came from and what `docker history` will call it (formats.md §2.3).

import type { SourceLocation } from './errors';

/** SourcePosition: an instruction's place in the file; `endLine` differs when it continues. */
export interface SourcePosition extends SourceLocation {
  endLine: number;
}

/** Directives: the parser directives read from the top of the file (`# escape=` …). */
export interface Directives {
  escape: '\\' | '`';
  syntax?: string;
  check?: string;
}

/** ParseWarning: something Docker accepts but warns about; `rule` is BuildKit's check name. */
export interface ParseWarning {
  rule: string;
  message: string;
  location: SourceLocation;
}

/** CommandForm: `RUN echo hi` is the shell form, `RUN ["echo","hi"]` the exec (JSON) form. */
export type CommandForm = 'shell' | 'exec';

/** KeyValue: one `key=value` of ENV or LABEL, after substitution and quote removal. */
export interface KeyValue {
  key: string;
  value: string;
}

interface Located {
  position: SourcePosition;
  /** The instruction as written, continuations joined (Docker's `Original`). */
  source: string;
}

/**
 * Committed: instructions whose history line the parser can spell in full. COPY and ADD
 * cannot: their line names a content hash only the builder knows (see `copyCreatedBy`).
 */
interface Committed extends Located {
  createdBy: string;
}

/** FromBase: what a stage starts from: nothing, an image to pull, or an earlier stage. */
export type FromBase =
  | { kind: 'scratch' }
  | { kind: 'image'; ref: string }
  | { kind: 'stage'; index: number };

/** FromInstruction: `FROM [--platform=…] image [AS name]`; `image` is substituted with global ARGs. */
export interface FromInstruction extends Located {
  kind: 'FROM';
  image: string;
  base: FromBase;
  stageName?: string;
  platform?: string;
}

/** RunInstruction: `RUN`, in either form, with what it runs and its history text. */
export interface RunInstruction extends Committed {
  kind: 'RUN';
  form: CommandForm;
  /** What the process runs: the shell plus the line (shell form) or the JSON array. */
  command: string[];
  /** `--mount`, `--network`, `--security` values as written; layerlab's builder may ignore them. */
  flags: Record<string, string[]>;
  /** ARGs with a value that the command sees as environment (not shadowed by ENV). */
  buildArgs: Record<string, string>;
}

/** CopyFrom: where `COPY --from=` reads: an earlier (or later) stage, or an image. */
export type CopyFrom = { kind: 'stage'; index: number; name: string } | { kind: 'image'; ref: string };

/** RemoteSource: an ADD source that is fetched, not read from the context. */
export interface RemoteSource {
  kind: 'url' | 'git';
  url: string;
}

/** CopyInstruction: `COPY` or `ADD`; the history text needs the builder's source hash (`copyCreatedBy`). */
export interface CopyInstruction extends Located {
  kind: 'COPY' | 'ADD';
  form: CommandForm;
  sources: string[];
  /** The destination as written (history shows it so, e.g. `in . `). */
  destination: string;
  /** The destination made absolute against WORKDIR, trailing slash kept. */
  resolvedDestination: string;
  /** Docker's rule: a destination ending in `/` is a directory; several sources need one. */
  destinationIsDirectory: boolean;
  /** True when a source holds `*`, `?` or `[` (its matches may be many, so dest must be a dir). */
  hasWildcards: boolean;
  from?: CopyFrom;
  chown?: string;
  chmod?: string;
  link: boolean;
  /** ADD only: sources that are URLs or git repositories (the builder refuses them offline). */
  remoteSources: RemoteSource[];
  /** The shell in effect, which prefixes the history line. */
  shell: string[];
}

/** EnvInstruction: `ENV k=v …` (or the legacy `ENV k v`). */
export interface EnvInstruction extends Committed {
  kind: 'ENV';
  pairs: KeyValue[];
}

/** ArgDeclaration: one ARG name, its default, and the value in effect after `--build-arg`. */
export interface ArgDeclaration {
  key: string;
  defaultValue?: string;
  value?: string;
}

/** ArgInstruction: `ARG NAME[=default] …` inside a stage. */
export interface ArgInstruction extends Committed {
  kind: 'ARG';
  args: ArgDeclaration[];
}

/** LabelInstruction: `LABEL k=v …`. */
export interface LabelInstruction extends Committed {
  kind: 'LABEL';
  pairs: KeyValue[];
}

/** WorkdirInstruction: `WORKDIR path`; `resolvedPath` is absolute (relative paths continue the previous WORKDIR). */
export interface WorkdirInstruction extends Committed {
  kind: 'WORKDIR';
  path: string;
  resolvedPath: string;
}

/** UserInstruction: `USER name[:group]`. */
export interface UserInstruction extends Committed {
  kind: 'USER';
  user: string;
}

/** ExposeInstruction: `EXPOSE port[/proto] …`, sorted as Docker sorts them. */
export interface ExposeInstruction extends Committed {
  kind: 'EXPOSE';
  ports: string[];
}

/** VolumeInstruction: `VOLUME path …` or `VOLUME ["path", …]`. */
export interface VolumeInstruction extends Committed {
  kind: 'VOLUME';
  form: CommandForm;
  paths: string[];
}

/** CmdInstruction: `CMD` or `ENTRYPOINT`; `command` already carries the shell for the shell form. */
export interface CmdInstruction extends Committed {
  kind: 'CMD' | 'ENTRYPOINT';
  form: CommandForm;
  command: string[];
}

/** ShellInstruction: `SHELL ["exe", "flag"]`, the shell of later shell forms. */
export interface ShellInstruction extends Committed {
  kind: 'SHELL';
  shell: string[];
}

/** StopSignalInstruction: `STOPSIGNAL name-or-number`. */
export interface StopSignalInstruction extends Committed {
  kind: 'STOPSIGNAL';
  signal: string;
}

/** HealthConfig: Docker's container config `Healthcheck`; durations in nanoseconds, 0 = inherit. */
export interface HealthConfig {
  test: string[];
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

/** HealthcheckInstruction: `HEALTHCHECK [flags] CMD …` or `HEALTHCHECK NONE`. */
export interface HealthcheckInstruction extends Committed {
  kind: 'HEALTHCHECK';
  health: HealthConfig;
}

/** MaintainerInstruction: the deprecated `MAINTAINER name`. */
export interface MaintainerInstruction extends Committed {
  kind: 'MAINTAINER';
  maintainer: string;
}

/** OnbuildInstruction: `ONBUILD <instruction>`, stored for images built FROM this one. */
export interface OnbuildInstruction extends Committed {
  kind: 'ONBUILD';
  trigger: string;
}

/**
 * Instruction: anything that may follow FROM inside a stage; `kind` tells which.
 * @example
 * const instruction: Instruction = parseDockerfile('FROM alpine\nRUN echo hi\n').stages[0].instructions[0];
 * instruction.kind === 'RUN' && instruction.command // → [ '/bin/sh', '-c', 'echo hi' ]
 */
export type Instruction =
  | RunInstruction
  | CopyInstruction
  | EnvInstruction
  | ArgInstruction
  | LabelInstruction
  | WorkdirInstruction
  | UserInstruction
  | ExposeInstruction
  | VolumeInstruction
  | CmdInstruction
  | ShellInstruction
  | StopSignalInstruction
  | HealthcheckInstruction
  | MaintainerInstruction
  | OnbuildInstruction;

/**
 * Stage: one FROM and the instructions up to the next FROM.
 * @example
 * const [stage]: Stage[] = parseDockerfile('FROM alpine:latest AS base\nENV A=1\nCMD ["sh"]\n').stages;
 * [stage.name, stage.from.image, stage.instructions.map((i) => i.kind)] // → [ 'base', 'alpine:latest', [ 'ENV', 'CMD' ] ]
 */
export interface Stage {
  index: number;
  name?: string;
  from: FromInstruction;
  instructions: Instruction[];
}

/**
 * ParsedDockerfile: what `parseDockerfile` returns.
 * @example
 * const parsed: ParsedDockerfile = parseDockerfile('FROM alpine AS build\nRUN make\nFROM scratch\nCOPY --from=build /app /\n');
 * parsed.stages.map((s) => `${s.index}: FROM ${s.from.image}, ${s.instructions.length} more`) // → [ '0: FROM alpine, 1 more', '1: FROM scratch, 1 more' ]
 */
export interface ParsedDockerfile {
  file: string;
  directives: Directives;
  /** ARGs before the first FROM; usable in FROM lines only, unless a stage re-declares them. */
  globalArgs: ArgDeclaration[];
  stages: Stage[];
  warnings: ParseWarning[];
}

/** ImageConfigLookup: the parts of a base image's config the parser needs (Docker's names). */
export type ImageConfigLookup = (ref: string) => { Env?: string[]; WorkingDir?: string; Shell?: string[] } | undefined;
