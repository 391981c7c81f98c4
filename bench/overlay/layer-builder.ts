// One layer of a generated stack while it is being planned: its entries in creation order, with every
// parent directory created before what it holds (as `tar` or `mkdir -p` would).

/** PlanEntry: one object of a layer. Paths have no leading slash. */
export type PlanEntry =
  | { kind: 'dir'; path: string; opaque: boolean }
  | { kind: 'file'; path: string; content: string }
  | { kind: 'symlink'; path: string; target: string }
  | { kind: 'whiteout'; path: string };

/**
 * LayerBuilder collects a layer's entries; adding a path creates its missing parent directories.
 * @example const b = new LayerBuilder(); b.addFile('etc/motd', 'hi'); b.entries  // dir etc, then file etc/motd
 */
export class LayerBuilder {
  readonly entries: PlanEntry[] = [];
  private readonly known = new Set<string>();
  private readonly dirPaths: string[] = [];

  /** dirs: the directory paths this layer holds, in creation order. */
  dirs(): string[] {
    return this.dirPaths;
  }

  /** addDir creates a directory (and its parents); a second call for the same path changes nothing. */
  addDir(path: string, { opaque = false }: { opaque?: boolean } = {}): void {
    if (this.known.has(path)) return;
    this.addParents(path);
    this.known.add(path);
    this.dirPaths.push(path);
    this.entries.push({ kind: 'dir', path, opaque });
  }

  addFile(path: string, content: string): void {
    this.addLeaf({ kind: 'file', path, content });
  }

  addSymlink(path: string, target: string): void {
    this.addLeaf({ kind: 'symlink', path, target });
  }

  /** addWhiteout: the kernel's whiteout, a character device 0:0 (spec 1.5). */
  addWhiteout(path: string): void {
    this.addLeaf({ kind: 'whiteout', path });
  }

  private addLeaf(entry: PlanEntry): void {
    if (this.known.has(entry.path)) throw new Error(`generated layer holds ${entry.path} twice`);
    this.addParents(entry.path);
    this.known.add(entry.path);
    this.entries.push(entry);
  }

  private addParents(path: string): void {
    const slash = path.lastIndexOf('/');
    if (slash > 0) this.addDir(path.slice(0, slash));
  }
}
