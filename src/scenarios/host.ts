// The scenario's host machine: `$RUN` on one disk (ext4 in the kernel runs) holding the layer,
// upper and work directories at the paths the mount data names. The kernel runner mounted a tmpfs at
// `$RUN/lowerfs` for the "layers on different filesystems" scenarios (F02), so that path is a
// second disk here too.
import { Disk, Inode, Tree } from '../overlay/tree';
import { addEntry } from '../overlay/entries';
import { Compact, fillDir } from '../overlay/compact';

export class Host {
  readonly disk = new Disk({ dev: 254 * 256 });
  readonly run = new Tree(this.disk);
  private readonly otherFs = new Map<string, Tree>();

  /** dir returns the directory at a `$RUN/…` path, creating it (and its parents) when asked. */
  dir(path: string, create = false): Inode | undefined {
    let node: Inode | undefined = this.run.root;
    let sofar = '';
    for (const part of splitPath(path)) {
      sofar += '/' + part;
      let next: Inode | undefined = node.entries?.get(part);
      if (!next && create && node.type === 'dir') {
        next = sofar === '/lowerfs' ? this.mountOther(sofar) : node.disk.newInode('dir', 0o755);
        addEntry(node, part, next);
      }
      if (!next) return undefined;
      node = next;
    }
    return node;
  }

  private mountOther(at: string): Inode {
    const tree = new Tree(new Disk());
    this.otherFs.set(at, tree);
    return tree.root;
  }

  /** fill writes a compact tree into the directory at `path`. */
  fill(path: string, compact: Record<string, Compact>): Inode {
    const dir = this.dir(path, true)!;
    fillDir(dir, compact, dir);
    return dir;
  }
}

/** splitPath: `$RUN/l\:0` → ['l:0']: drop `$RUN` (or `{R}`), unescape `\:` and `\,`. */
export function splitPath(path: string): string[] {
  return path.replace(/^(\$RUN|\{R\})/, '').split('/').filter(Boolean).map((part) => part.replace(/\\([:,\\])/g, '$1'));
}

/** MountData: a mount data string taken apart the way the kernel does (escaped `\:` and `\,` kept in paths). */
export interface MountData {
  lowers: string[];
  dataLowers: string[];
  upper?: string;
  work?: string;
  extra: string;
}

/** parseMountData splits `lowerdir=A:B::C,upperdir=U,workdir=W,opt…`. */
export function parseMountData(data: string): MountData {
  const result: MountData = { lowers: [], dataLowers: [], extra: '' };
  const extra: string[] = [];
  for (const item of splitUnescaped(data, ',')) {
    const [key, value] = [item.slice(0, item.indexOf('=') < 0 ? item.length : item.indexOf('=')), item.slice(item.indexOf('=') + 1)];
    if (key === 'lowerdir') {
      const [visible, dataOnly] = value.split('::');
      result.lowers = splitUnescaped(visible, ':');
      result.dataLowers = dataOnly ? splitUnescaped(dataOnly, ':') : [];
    } else if (key === 'upperdir') result.upper = value;
    else if (key === 'workdir') result.work = value;
    else extra.push(item);
  }
  result.extra = extra.join(',');
  return result;
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\' && i + 1 < text.length) { current += text[i] + text[i + 1]; i++; continue; }
    if (text[i] === separator) { parts.push(current); current = ''; continue; }
    current += text[i];
  }
  parts.push(current);
  return parts.filter((part) => part !== '');
}
