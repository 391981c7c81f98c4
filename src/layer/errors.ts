// Errors about a layer's contents (as opposed to its tar encoding, which tar/errors.ts covers).

/** UnsafeLayerEntryError: a tar entry that would land outside the layer, or a whiteout Docker rejects. */
export class UnsafeLayerEntryError extends Error {
  readonly code = 'EUNSAFEENTRY';
  readonly name = 'UnsafeLayerEntryError';
  constructor(readonly data: { entry: string; reason: string }) {
    super(`layer entry '${data.entry}' ${data.reason}; the layer was not applied`);
  }
}

/** isUnsafeLayerEntryError: also true for an error made in another notebook cell's realm. */
export function isUnsafeLayerEntryError(error: unknown): error is UnsafeLayerEntryError {
  return (error as { name?: unknown } | null)?.name === 'UnsafeLayerEntryError';
}
