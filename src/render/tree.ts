// A directory tree as plain data, and the two ways a shell lists one.

/**
 * TreeNode is a directory, file or symlink. Files may carry their content
 * (exact bytes as text, no newline added); symlinks their target and whether
 * that target is a directory (which `tree` counts as a directory).
 *
 * @example
 * const node: TreeNode = { name: 'link', kind: 'file', content: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' };
 */
export interface TreeNode {
  name: string;
  kind: 'dir' | 'file' | 'symlink';
  children?: TreeNode[];
  content?: string;
  target?: string;
  targetIsDir?: boolean;
}

/**
 * renderTree prints a tree like `LC_ALL=C tree <root>`: the root path, one
 * line per entry with `├── `/`└── ` branches, names sorted by bytes,
 * symlinks as `name -> target`, and the `N directories, M files` summary.
 *
 * @example
 * renderTree({ name: 'l', kind: 'dir', children: [{ name: 'ABC', kind: 'symlink', target: '../x/diff', targetIsDir: true }] }, '/var/lib/docker/overlay2/l')
 * // → └── ABC -> ../x/diff…1 directory, 0 files
 */
export function renderTree(root: TreeNode, rootLabel: string = root.name): string {
  const lines = [rootLabel];
  const counts = { dirs: 0, files: 0 };
  walk(root, '', lines, counts);
  const dirs = `${counts.dirs} director${counts.dirs === 1 ? 'y' : 'ies'}`;
  const files = `${counts.files} file${counts.files === 1 ? '' : 's'}`;
  return `${lines.join('\n')}\n\n${dirs}, ${files}\n`;
}

function walk(node: TreeNode, indent: string, lines: string[], counts: { dirs: number; files: number }): void {
  const children = sortedChildren(node);
  children.forEach((child, i) => {
    const last = i === children.length - 1;
    const label = child.kind === 'symlink' ? `${child.name} -> ${child.target ?? ''}` : child.name;
    lines.push(indent + (last ? '└── ' : '├── ') + label);
    const isDir = child.kind === 'dir' || (child.kind === 'symlink' && child.targetIsDir === true);
    if (isDir) counts.dirs++;
    else counts.files++;
    if (child.kind === 'dir') walk(child, indent + (last ? '    ' : '│   '), lines, counts);
  });
}

/**
 * renderFind prints a tree like `find <root>`: every path, parents before
 * children. Real `find` lists siblings in directory order; here they are
 * sorted, as `find … | sort` would show them.
 *
 * @example
 * renderFind(tree, '/var/lib/docker'); // '/var/lib/docker\n/var/lib/docker/image\n…'
 */
export function renderFind(root: TreeNode, rootLabel: string = root.name): string {
  const lines: string[] = [rootLabel];
  const visit = (node: TreeNode, path: string): void => {
    for (const child of sortedChildren(node)) {
      lines.push(`${path}/${child.name}`);
      if (child.kind === 'dir') visit(child, `${path}/${child.name}`);
    }
  };
  visit(root, rootLabel);
  return lines.join('\n') + '\n';
}

/**
 * findNode returns the node at a `/`-separated path below `root`, or
 * `undefined`. With a file's node, `.content` is what `cat` prints.
 *
 * @example
 * const root = { name: 'etc', kind: 'dir' as const, children: [{ name: 'os-release', kind: 'file' as const, content: 'ID=alpine' }] };
 * [findNode(root, 'os-release')?.content, findNode(root, 'nothing')] // → [ 'ID=alpine', undefined ]
 */
export function findNode(root: TreeNode, path: string): TreeNode | undefined {
  let node: TreeNode | undefined = root;
  for (const part of path.split('/').filter((p) => p !== '')) {
    node = node?.children?.find((child) => child.name === part);
  }
  return node;
}

function sortedChildren(node: TreeNode): TreeNode[] {
  return [...(node.children ?? [])].sort((a, b) => Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)));
}
