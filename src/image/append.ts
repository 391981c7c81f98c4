// Growing an image one step at a time. Like go-containerregistry's
// `mutate.AppendLayers`, every call returns a NEW config and never touches the
// one it was given: images are immutable, their IDs are hashes of their bytes.
import { assertDigest } from './digest';
import type { HistoryEntry, ImageConfig } from './types';

/**
 * emptyImage is the config of an image with no layers and no history, the
 * starting point of `FROM scratch`.
 *
 * @example
 * emptyImage({ architecture: 'arm64' }) // → architecture: 'arm64'…rootfs: { type: 'layers', diff_ids: [] }
 */
export function emptyImage({ architecture = 'amd64', os = 'linux' }: { architecture?: string; os?: string } = {}): ImageConfig {
  return { architecture, os, config: {}, rootfs: { type: 'layers', diff_ids: [] }, history: [] };
}

/**
 * appendLayer returns a new image with `layer` on top: its diffID is added to
 * `rootfs.diff_ids` and `history` gets one entry *without* `empty_layer`
 * (a history entry per layer is how `docker history` pairs lines with
 * layers). If the entry has a `created` time the image's `created` becomes it,
 * as a builder dates an image by its last step.
 *
 * @example
 * const layer = layerFromDirectory(treeFromCompact({ a: 'A' }));
 * const base = emptyImage();
 * const next = appendLayer(base, layer, historyEntry({ createdBy: 'COPY a / # buildkit' }));
 * [base.rootfs.diff_ids.length, next.rootfs.diff_ids[0] === layer.diffID] // → [ 0, true ]
 */
export function appendLayer(image: ImageConfig, layer: { diffID: string }, history: HistoryEntry): ImageConfig {
  assertDigest(layer.diffID, 'layer.diffID');
  const entry: HistoryEntry = { ...history };
  delete entry.empty_layer;
  return {
    ...withHistory(image, entry),
    rootfs: { ...image.rootfs, diff_ids: [...(image.rootfs.diff_ids ?? []), layer.diffID] },
  };
}

/**
 * appendEmptyLayer returns a new image whose history records a step that
 * changed only the config (ENV, CMD, …): the entry gets `empty_layer: true`
 * and no diffID is added.
 *
 * @example
 * const withCmd = appendEmptyLayer(emptyImage(), historyEntry({ createdBy: 'CMD ["sh"] # buildkit' }));
 * [withCmd.rootfs.diff_ids.length, withCmd.history[0].empty_layer] // → [ 0, true ]
 */
export function appendEmptyLayer(image: ImageConfig, history: HistoryEntry): ImageConfig {
  return withHistory(image, { ...history, empty_layer: true });
}

function withHistory(image: ImageConfig, entry: HistoryEntry): ImageConfig {
  const next: ImageConfig = { ...image, history: [...(image.history ?? []), entry] };
  if (entry.created) next.created = entry.created;
  return next;
}

/**
 * layerHistory pairs each diffID with the history entry that made it, skipping
 * `empty_layer` entries: the walk Docker's `history` endpoint does (formats.md 1.5).
 * Entries beyond the layers (malformed configs) are paired with `undefined`.
 *
 * @example
 * const layer = layerFromDirectory(treeFromCompact({ a: 'A' }));
 * const image = appendEmptyLayer(appendLayer(emptyImage(), layer, { created_by: 'COPY a /' }), { created_by: 'CMD ["sh"]' });
 * layerHistory(image).map(({ entry, diffID }) => `${entry.created_by}: ${diffID ? 'a layer' : 'no layer'}`)
 * // → [ 'COPY a /: a layer', 'CMD ["sh"]: no layer' ]
 */
export function layerHistory(image: ImageConfig): { entry: HistoryEntry; diffID: string | undefined }[] {
  const diffIDs = image.rootfs.diff_ids ?? [];
  let layer = 0;
  return (image.history ?? []).map((entry) => ({
    entry,
    diffID: entry.empty_layer ? undefined : diffIDs[layer++],
  }));
}
