// Errors about a layer's contents (as opposed to its tar encoding, which tar/errors.ts covers).

/**
 * UnsafeLayerEntryError: a tar entry that would land outside the layer, or a whiteout Docker rejects.
 * @example
 * const tar = writeTar([{ name: '../evil', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 0 }]);
 * try { layerFromTar(tar); } catch (err) { console.log(err.message); } // → layer entry '../evil' climbs out of the layer with '..'
 */
export class UnsafeLayerEntryError extends Error {
  readonly code = 'EUNSAFEENTRY';
  readonly name = 'UnsafeLayerEntryError';
  constructor(readonly data: { entry: string; reason: string }) {
    super(`layer entry '${data.entry}' ${data.reason}; the layer was not applied`);
  }
}

/**
 * isUnsafeLayerEntryError: also true for an error made in another notebook cell's realm.
 * @example
 * const tar = writeTar([{ name: '.wh..', type: 'file', mode: 0o644, uid: 0, gid: 0, mtime: 0, size: 0 }]);
 * let caught: unknown; try { layerFromTar(tar); } catch (err) { caught = err; }
 * isUnsafeLayerEntryError(caught) && caught.data.reason // → is an invalid whiteout entry
 */
export function isUnsafeLayerEntryError(error: unknown): error is UnsafeLayerEntryError {
  return (error as { name?: unknown } | null)?.name === 'UnsafeLayerEntryError';
}
