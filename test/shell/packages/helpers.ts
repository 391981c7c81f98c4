// Test helpers: a memfs Volume populated from a bundled base image, and a CommandContext over it.
import { Volume } from 'memfs';
import { loadBaseImage, type BaseFile } from '../../../src/image/bases';
import type { CommandContext, ShellFs } from '../../../src/shell/types';
import { packageCommands } from '../../../src/shell/packages';

/**
 * Writes base-image files (already sorted parents first) into a fresh memfs Volume. Directory
 * modes are applied last, because memfs checks permissions and /root is 0550.
 */
export function volumeFromFiles(files: BaseFile[]): ShellFs {
  const vol = new Volume();
  for (const file of files) {
    if (file.type === 'dir') vol.mkdirSync(file.path, { mode: 0o755 });
    else if (file.type === 'symlink') vol.symlinkSync(file.target ?? '', file.path);
    else if (file.type === 'file') {
      vol.writeFileSync(file.path, file.content ?? new Uint8Array());
      vol.chmodSync(file.path, file.mode);
    } // memfs has no device nodes or fifos; the bundled base images ship none.
  }
  for (const dir of files.filter((f) => f.type === 'dir').reverse()) vol.chmodSync(dir.path, dir.mode);
  return vol as unknown as ShellFs;
}

const bases = new Map<string, BaseFile[]>();

/** A fresh container filesystem for `image` (the parsed image is cached across tests). */
export function containerFs(image: string): ShellFs {
  if (!bases.has(image)) bases.set(image, loadBaseImage(image).files);
  return volumeFromFiles(bases.get(image) ?? []);
}

export interface RunResult { code: number; stdout: string; stderr: string }

/** Runs one package command line (`'yum install -y vim'`) against `fs` as `uid`. */
export function run(fs: ShellFs, line: string, uid = 0): RunResult {
  const [name, ...args] = line.split(' ');
  let stdout = '';
  let stderr = '';
  const ctx: CommandContext = {
    fs, args, cwd: '/', env: {}, stdin: '', uid, gid: uid,
    stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, run: () => 127,
  };
  const code = packageCommands[name](ctx);
  return { code, stdout, stderr };
}

/** Total bytes of regular files under `dir` (like `du -sb`, without directories). */
export function bytesUnder(fs: ShellFs, dir: string): number {
  if (!fs.existsSync(dir)) return 0;
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) total += bytesUnder(fs, path);
    else if (entry.isFile()) total += fs.statSync(path).size;
  }
  return total;
}
