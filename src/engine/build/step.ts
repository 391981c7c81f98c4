// One build step of the classic builder: run the instruction in an intermediate container made
// from the current image, and commit what changed as the next image (formats.md 2.3).
import type { CopyInstruction, Instruction, RunInstruction } from '../../dockerfile/types';
import { copyCreatedBy } from '../../dockerfile/history';
import type { Engine } from '../engine';
import type { Image } from '../../image/image';
import type { RunConfig } from '../../image/types';
import { mount, type OverlayMount } from '../../overlay/mount';
import { Layer, layerFromDirectory } from '../../layer/layer';
import { runShell } from '../../shell/runShell';
import { packageCommands } from '../../shell/packages/index';
import { formatRunFailure } from '../../shell/runFailure';
import { shellFlavor } from '../containers';
import { imageRootfs } from '../rootfs';
import type { BuildContext } from './context';
import { copyInto, selectSources, sourceHash } from './copy';
import { BuildError } from './errors';
import { envOf } from './run-config';

/** The diffID of an empty layer (1024 zero bytes): a step that changed nothing adds no layer. */
export const EMPTY_LAYER = 'sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef';

/** StepInput: what a step needs: the image so far (none for scratch) and its run config. */
export interface StepInput {
  engine: Engine;
  image?: Image;
  runConfig: RunConfig;
  context: BuildContext;
  /** Images of earlier stages, for COPY --from. */
  stages: Image[];
  print(line: string): void;
}

/** StepOutcome: the layer a step made (undefined: metadata only, or nothing changed). */
export interface StepOutcome {
  layer?: Layer;
  createdBy?: string;
}

/** stepMount: an intermediate container's root filesystem: the image's layers under a fresh upper. */
function stepMount(input: StepInput): OverlayMount {
  const lowers = [...(input.image?.layers ?? [])].reverse().map((layer) => layer.tree);
  const { upper, work } = input.engine.newScratch();
  // FROM scratch has no layer at all: an empty lower stands in for the empty root.
  if (lowers.length === 0) lowers.push(input.engine.newScratch().upper.freeze());
  return mount({ lowers, upper, work });
}

function committed(input: StepInput, rootfs: OverlayMount): Layer | undefined {
  const layer = layerFromDirectory(rootfs.upperDir!, { disk: input.engine.disk, consume: true });
  return layer.diffID === EMPTY_LAYER ? undefined : layer;
}

/** runStep: RUN: the command line through layerlab's shell in the container; a non-zero exit fails the build. */
export function runStep(input: StepInput, run: RunInstruction): StepOutcome {
  const rootfs = stepMount(input);
  if (!rootfs.existsSync(run.command[0])) {
    throw new BuildError(`failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${run.command[0]}": stat ${run.command[0]}: no such file or directory: unknown`, run.position, 127);
  }
  const { uid, gid } = userIds(rootfs, input.runConfig.User);
  const line = run.form === 'shell' ? run.command[run.command.length - 1] : run.command.map(quote).join(' ');
  const result = runShell(line, {
    fs: rootfs.as({ uid, gid }), cwd: input.runConfig.WorkingDir || '/',
    env: { HOSTNAME: 'buildkitsandbox', HOME: uid === 0 ? '/root' : '/', ...envOf(input.runConfig), ...run.buildArgs },
    uid, gid, now: () => input.engine.disk.now(), commands: packageCommands, flavor: input.image ? shellFlavor(input.image) : 'dash',
  });
  for (const text of result.output.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1)) input.print(text);
  if (result.exitCode !== 0) {
    const shell = run.form === 'shell' ? run.command.slice(0, -1) : [];
    throw new BuildError(formatRunFailure({ command: line, exitCode: result.exitCode, shell }), run.position, result.exitCode);
  }
  return { layer: committed(input, rootfs) };
}

/** PreparedCopy: the files a COPY/ADD takes and the history line its content hash makes. */
export interface PreparedCopy {
  selected: ReturnType<typeof selectSources>;
  createdBy: string;
}

/** prepareCopy: choose the sources (context, or an earlier stage's image) and name the step by their hash. */
export function prepareCopy(input: StepInput, copy: CopyInstruction): PreparedCopy {
  if (copy.remoteSources.length > 0) {
    throw new BuildError(`ADD from a URL is not supported offline: layerlab cannot download ${copy.remoteSources[0].url}; put the file in the build context and ADD it from there`, copy.position);
  }
  const context = copy.from ? contextFromStage(input, copy) : input.context;
  const selected = selectSources(copy, context);
  return { selected, createdBy: copyCreatedBy(copy, sourceHash(copy, selected)) };
}

/** copyStep: COPY/ADD the prepared files into the container and commit them. */
export function copyStep(input: StepInput, copy: CopyInstruction, prepared: PreparedCopy): StepOutcome {
  const rootfs = stepMount(input);
  copyInto(rootfs, copy, prepared.selected);
  return { layer: committed(input, rootfs) };
}

/** workdirStep: WORKDIR makes its directory in the container when it is missing (an empty layer otherwise). */
export function workdirStep(input: StepInput, path: string): StepOutcome {
  const rootfs = stepMount(input);
  if (!rootfs.existsSync(path)) rootfs.mkdirSync(path, { recursive: true });
  return { layer: committed(input, rootfs) };
}

function contextFromStage(input: StepInput, copy: CopyInstruction): BuildContext {
  const from = copy.from!;
  const image = from.kind === 'stage' ? input.stages[from.index] : input.engine.image(from.ref);
  if (!image) throw new BuildError(`invalid from flag value ${copy.from?.kind === 'stage' ? copy.from.name : ''}: stage not built yet`, copy.position);
  const view = imageRootfs(image);
  const files: BuildContext['files'] = new Map();
  const walk = (dir: string): void => {
    for (const name of view.readdirSync(dir) as string[]) {
      const path = dir === '/' ? `/${name}` : `${dir}/${name}`;
      const stats = view.lstatSync(path, { throwIfNoEntry: false });
      if (!stats) continue;
      const base = { path: path.slice(1), mode: stats.mode & 0o7777, mtimeMs: stats.mtimeMs };
      if (stats.isDirectory()) { files.set(base.path, { ...base, type: 'dir' }); walk(path); }
      else if (stats.isSymbolicLink()) files.set(base.path, { ...base, type: 'symlink', target: view.readlinkSync(path) });
      else if (stats.isFile()) files.set(base.path, { ...base, type: 'file', data: view.readFileSync(path) as Buffer });
    }
  };
  walk('/');
  return { files };
}

/** userIds: USER as uid/gid (names looked up in the image's /etc/passwd). */
function userIds(rootfs: OverlayMount, user: string | undefined): { uid: number; gid: number } {
  if (!user) return { uid: 0, gid: 0 };
  const [name, group] = user.split(':');
  if (/^\d+$/.test(name)) return { uid: Number(name), gid: group && /^\d+$/.test(group) ? Number(group) : Number(name) };
  const passwd = rootfs.existsSync('/etc/passwd') ? String(rootfs.readFileSync('/etc/passwd', 'utf8')) : '';
  const line = passwd.split('\n').find((l) => l.split(':')[0] === name);
  if (!line) throw new BuildError(`unable to find user ${name}: no matching entries in passwd file`);
  return { uid: Number(line.split(':')[2]), gid: Number(line.split(':')[3]) };
}

function quote(word: string): string {
  return /^[\w./=:-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** executeStep: the container part of a RUN or WORKDIR step; other instructions only change the config. */
export function executeStep(input: StepInput, instruction: Instruction): StepOutcome {
  if (instruction.kind === 'RUN') return runStep(input, instruction);
  if (instruction.kind === 'WORKDIR') return workdirStep(input, instruction.resolvedPath);
  return {};
}
