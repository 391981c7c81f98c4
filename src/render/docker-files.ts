// The small files of `/var/lib/docker`, byte for byte (formats.md 1.4). moby
// writes them without a trailing newline, so `cat link` prints the ID and the
// shell prompt follows on the same line.
import { marshalGo, type GoValue } from '../image/gojson';
import type { TreeNode } from './tree';

/**
 * LayerDbEntry is `image/overlay2/layerdb/sha256/<chainID>/`: which diff, how
 * big unpacked, which overlay2 directory, and the parent ChainID.
 *
 * @example
 * const entry: LayerDbEntry = { chainId, diffId, size: 6405, cacheId, parent: parentChainId };
 */
export interface LayerDbEntry {
  chainId: string;
  diffId: string;
  size: number;
  cacheId: string;
  parent?: string;
}

/**
 * file makes a file TreeNode with its exact content.
 *
 * @example
 * file('size', '6405'); // { name: 'size', kind: 'file', content: '6405' }
 */
export function file(name: string, content = ''): TreeNode {
  return { name, kind: 'file', content };
}

/**
 * layerDbFiles are the files of `layerdb/sha256/<chainID>/`: `cache-id`, `diff`,
 * `parent` (not for a base layer), `size` and `tar-split.json.gz` (shown empty:
 * its bytes are the layer package's business).
 *
 * @example
 * layerDbFiles({ chainId, diffId, size: 6405, cacheId }).map((f) => f.name); // ['cache-id', 'diff', 'size', 'tar-split.json.gz']
 */
export function layerDbFiles(layer: LayerDbEntry): TreeNode[] {
  const files = [file('cache-id', layer.cacheId), file('diff', layer.diffId)];
  if (layer.parent) files.push(file('parent', layer.parent));
  files.push(file('size', String(layer.size)), file('tar-split.json.gz'));
  return files;
}

/**
 * catLink is what `cat overlay2/<id>/link` prints: the link ID, no newline.
 *
 * @example
 * catLink('6Y5IM2XC7TSNIJZZFLJCS6I4I2'); // '6Y5IM2XC7TSNIJZZFLJCS6I4I2'
 */
export function catLink(linkId: string): string {
  return linkId;
}

/**
 * catLower is what `cat overlay2/<id>/lower` prints: `l/<link>` for each lower
 * layer, top first, joined by `:`, no newline.
 *
 * @example
 * catLower(['CCCC', 'BBBB', 'AAAA']); // 'l/CCCC:l/BBBB:l/AAAA'
 */
export function catLower(linkIds: readonly string[]): string {
  return linkIds.map((id) => `l/${id}`).join(':');
}

/**
 * renderRepositoriesJson is `image/overlay2/repositories.json`: Go's
 * `json.Marshal` of `{"Repositories": {repo: {ref: imageID}}}`, maps sorted.
 *
 * @example
 * renderRepositoriesJson({ busybox: { 'busybox:latest': 'sha256:…' } }); // '{"Repositories":{"busybox":{"busybox:latest":"sha256:…"}}}'
 */
export function renderRepositoriesJson(repositories: Record<string, Record<string, string>>): string {
  const repos = new Map<string, GoValue>(Object.entries(repositories).map(([repo, refs]) => [repo, new Map(Object.entries(refs))]));
  return marshalGo({ Repositories: repos });
}
