// Dirent: node:fs's directory-entry shape for readdirSync({ withFileTypes: true }).
import type { FileType } from './tree';

/**
 * Dirent: one entry of `readdirSync(dir, { withFileTypes: true })`, with node:fs's is*() methods.
 * @example
 * const { m } = mountLayers([{ name: 'base', files: { etc: { motd: 'hi', mtab: '->/proc/mounts' } } }]);
 * const entries = m.readdirSync('/etc', { withFileTypes: true }) as Dirent[];
 * entries.map((d) => `${d.name}${d.isSymbolicLink() ? ' ->' : ''}`) // → [ 'motd', 'mtab ->' ]
 */
export class Dirent {
  constructor(readonly name: string, private readonly type: FileType, readonly parentPath: string) {}
  /** path: node:fs's older name for parentPath. */
  get path(): string { return this.parentPath; }
  isFile(): boolean { return this.type === 'file'; }
  isDirectory(): boolean { return this.type === 'dir'; }
  isSymbolicLink(): boolean { return this.type === 'symlink'; }
  isCharacterDevice(): boolean { return this.type === 'char'; }
  isBlockDevice(): boolean { return this.type === 'block'; }
  isFIFO(): boolean { return this.type === 'fifo'; }
  isSocket(): boolean { return false; }
}
