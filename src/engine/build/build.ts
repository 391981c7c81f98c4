// `docker build` with the classic builder: parse the Dockerfile, then for every instruction run an
// intermediate container from the image so far and commit the result as the next image, reusing
// earlier results from the build cache. The output reads as `docker build` prints it.
import { Engine } from '../engine';
import type { Image } from '../../image/image';
import type { RunConfig } from '../../image/types';
import type { Instruction, Stage } from '../../dockerfile/types';
import { parseDockerfile } from '../../dockerfile/parse';
import { renderBytes } from '../../render/units';
import { shortId } from '../../render/table';
import { isNoSuchObjectError } from '../errors';
import { normalizeReference } from '../references';
import { loadContext, contextTarSize, type ContextSource, type BuildContext } from './context';
import { BuildError } from './errors';
import { withInstruction, stepCmd } from './run-config';
import { copyStep, executeStep, prepareCopy, type StepInput, type StepOutcome } from './step';
import { commitStep } from './commit';
import { cacheKey } from './cache';
import { narration, stepChanges } from './narrate';
import { recall, remember } from './step-memo';

/**
 * BuildOptions: `docker build [-f FILE] [-t TAG] [--build-arg K=V] [--no-cache] CONTEXT`.
 * @example
 * const options: BuildOptions = { buildArgs: { NAME: 'web' }, tags: ['web:v1'] };
 * const { image } = new Docker().build('FROM alpine:latest\nARG NAME\nRUN echo $NAME > /name.txt\n', options);
 * imageRootfs(image).readFileSync('/name.txt', 'utf8') // → web
 */
export interface BuildOptions {
  context?: ContextSource;
  tags?: string[];
  file?: string;
  buildArgs?: Record<string, string>;
  noCache?: boolean;
  /** Called with each output line as the build goes (a progress view). */
  onOutput?: (line: string) => void;
  /** Add a line under each step that made a layer: files added, changed, deleted, and its size. */
  narrate?: boolean;
}

/**
 * BuildStepRecord: what one step did, for narration: its instruction, image, layer and whether it came from the cache.
 * @example
 * const docker = new Docker();
 * const dockerfile = 'FROM alpine:latest\nRUN echo hi > /hi.txt\n';
 * docker.build(dockerfile);
 * const [step]: BuildStepRecord[] = docker.build(dockerfile).steps; // the second build finds the step in the cache
 * [step.instruction, step.cached, step.addedLayer] // → [ 'RUN echo hi > /hi.txt', true, true ]
 */
export interface BuildStepRecord {
  step: number;
  instruction: string;
  image: Image;
  cached: boolean;
  addedLayer: boolean;
}

/**
 * BuildResult: the final image, the whole output and every step.
 * @example
 * const result: BuildResult = new Docker().build('FROM alpine:latest\nRUN echo hi > /hi.txt\nCMD ["cat", "/hi.txt"]\n');
 * result.steps.map((s) => `${s.step} ${s.instruction}${s.addedLayer ? ' (+1 layer)' : ''}`)
 * // → [ '2 RUN echo hi > /hi.txt (+1 layer)', '3 CMD ["cat", "/hi.txt"]' ]
 */
export interface BuildResult {
  image: Image;
  output: string;
  steps: BuildStepRecord[];
}

const DEPRECATION = [
  'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.',
  '            Install the buildx component to build images with BuildKit:',
  '            https://docs.docker.com/go/buildx/',
  '',
];

/**
 * build runs a classic `docker build`. Throws DockerfileParseError for a bad Dockerfile and
 * BuildError (with the Dockerfile location) when a step fails; a failed build tags nothing.
 * @example
 * const engine = new Engine();
 * const { output } = build(engine, 'FROM scratch\nCOPY start.sh /\n', { context: { 'start.sh': 'echo hello\n' }, tags: ['test:v1'] });
 * output // → Step 1/2 : FROM scratch…Step 2/2 : COPY start.sh /…Successfully tagged test:v1
 */
export function build(engine: Engine, dockerfile: string, options: BuildOptions = {}): BuildResult {
  const lines: string[] = [];
  const print = (line: string): void => { lines.push(line); options.onOutput?.(line); };
  const context = loadContext(options.context);
  const parsed = parseDockerfile(dockerfile, {
    file: options.file ?? 'Dockerfile', buildArgs: options.buildArgs,
    imageConfig: (ref) => (engine.hasImage(ref) ? (engine.image(ref).config.config as { Env?: string[]; WorkingDir?: string; Shell?: string[] }) ?? undefined : undefined),
  });
  DEPRECATION.forEach(print);
  print(`Sending build context to Docker daemon  ${renderBytes(contextTarSize(context), 4)}`);
  const total = parsed.stages.reduce((sum, stage) => sum + 1 + stage.instructions.length, 0);
  const state = { step: 0, total, records: [] as BuildStepRecord[], stages: [] as Image[], narrate: !!options.narrate };
  let image: Image | undefined;
  for (const stage of parsed.stages) {
    image = buildStage(engine, stage, { context, print, noCache: !!options.noCache, state });
    state.stages.push(image);
  }
  print(`Successfully built ${shortId(image!.id)}`);
  for (const tag of options.tags ?? []) {
    engine.tag(image!.id, tag);
    print(`Successfully tagged ${normalizeReference(tag)}`);
  }
  return { image: image!, output: lines.join('\n') + '\n', steps: state.records };
}

interface StageRun {
  context: BuildContext;
  print(line: string): void;
  noCache: boolean;
  state: { step: number; total: number; records: BuildStepRecord[]; stages: Image[]; narrate: boolean };
}

function buildStage(engine: Engine, stage: Stage, run: StageRun): Image {
  run.print(`Step ${++run.state.step}/${run.state.total} : ${stage.from.source}`);
  let image = baseOf(engine, stage, run);
  if (image) run.print(` ---> ${shortId(image.id)}`);
  let runConfig: RunConfig = { ...(image?.config.config ?? {}) };
  for (const instruction of stage.instructions) {
    run.print(`Step ${++run.state.step}/${run.state.total} : ${instruction.source}`);
    const next = withInstruction(runConfig, instruction);
    image = doStep(engine, { image, runConfig, next, instruction, run });
    runConfig = next;
  }
  if (!image) throw new BuildError('No image was generated. Is your Dockerfile empty?', stage.from.position);
  return image;
}

function baseOf(engine: Engine, stage: Stage, run: StageRun): Image | undefined {
  const { base } = stage.from;
  if (base.kind === 'scratch') return undefined;
  if (base.kind === 'stage') return run.state.stages[base.index];
  try {
    return engine.image(base.ref);
  } catch (error) {
    if (!isNoSuchObjectError(error)) throw error;
    const name = base.ref.split(':')[0];
    throw new BuildError(`pull access denied for ${name}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied (layerlab bundles: ${Engine.bundledImages().join(', ')})`, stage.from.position);
  }
}

interface StepRun {
  image?: Image;
  runConfig: RunConfig;
  next: RunConfig;
  instruction: Instruction;
  run: StageRun;
}

function doStep(engine: Engine, { image, runConfig, next, instruction, run }: StepRun): Image {
  const input: StepInput = { engine, image, runConfig, context: run.context, stages: run.state.stages, print: run.print };
  // COPY/ADD name themselves by their sources' content hash, so it is computed before the cache probe.
  const isCopy = instruction.kind === 'COPY' || instruction.kind === 'ADD';
  const prepared = isCopy ? prepareCopy(input, instruction) : undefined;
  const createdBy = prepared?.createdBy ?? (instruction as { createdBy: string }).createdBy;
  const shell = runConfig.Shell ?? ['/bin/sh', '-c'];
  const containerCmd = stepCmd(instruction, shell, createdBy);
  const key = cacheKey(image?.id, next, containerCmd);
  const cachedId = run.noCache ? undefined : engine.buildCache.get(key);
  if (cachedId && engine.images.has(cachedId)) {
    const cached = engine.images.get(cachedId)!.image;
    run.print(' ---> Using cache');
    run.print(` ---> ${shortId(cached.id)}`);
    run.state.records.push({ step: run.state.step, instruction: instruction.source, image: cached, cached: true, addedLayer: cached.layers.length > (image?.layers.length ?? 0) });
    return cached;
  }
  const containerId = engine.ids.hex64();
  const runsInContainer = !isCopy;
  if (runsInContainer) run.print(` ---> Running in ${shortId(containerId)}`);
  const result = runOrRecall(input, instruction, `${key}\n${JSON.stringify(stepExtras(instruction))}`, () =>
    isCopy ? copyStep(input, instruction as Parameters<typeof copyStep>[1], prepared!) : executeStep(input, instruction));
  const committed = commitStep(engine, { parent: image, layer: result.layer, createdBy, runConfig: next, containerCmd, containerId });
  if (runsInContainer) run.print(` ---> Removed intermediate container ${shortId(containerId)}`);
  if (run.state.narrate && result.layer) run.print(narration(stepChanges(result.layer, image)));
  run.print(` ---> ${shortId(committed.id)}`);
  engine.buildCache.set(key, committed.id);
  run.state.records.push({ step: run.state.step, instruction: instruction.source, image: committed, cached: false, addedLayer: !!result.layer });
  return committed;
}

/** stepExtras: inputs of a step that its container config does not show (build args, --chmod). */
function stepExtras(instruction: Instruction): unknown {
  if (instruction.kind === 'RUN') return instruction.buildArgs;
  if (instruction.kind === 'COPY' || instruction.kind === 'ADD') return { chmod: instruction.chmod, from: instruction.from };
  return null;
}

/** runOrRecall runs a container step, or replays the same step run earlier in this process (step-memo.ts). */
function runOrRecall(input: StepInput, instruction: Instruction, key: string, run: () => StepOutcome): StepOutcome {
  if (instruction.kind !== 'RUN' && instruction.kind !== 'COPY' && instruction.kind !== 'ADD' && instruction.kind !== 'WORKDIR') return run();
  const known = recall(key);
  if (known) {
    known.output.forEach((line) => input.print(line));
    return { layer: known.layer?.onDisk(input.engine.disk) };
  }
  // Files made by the step are stamped from the step's own time (the host clock, which every build
  // advances the same way), not from whatever ran on this disk before: replayed or run, a step
  // gives the same bytes.
  input.engine.disk.setTime(input.engine.clock.nowMs);
  const output: string[] = [];
  const print = input.print;
  input.print = (line) => { output.push(line); print(line); };
  try {
    const outcome = run();
    remember(key, { layer: outcome.layer, output });
    return outcome;
  } finally {
    input.print = print;
  }
}
