// The tar toolkit: plain entries in, exact bytes out, and back.
export type { TarEntry, TarEntryType, TarHeaderFormat, TarNumericField } from './entry';
export { TYPEFLAGS, TYPE_BITS } from './entry';
export { TarFormatError, isTarFormatError } from './errors';
export type { TarFormatErrorData } from './errors';
export { readTar, walkTar } from './read';
export type { ReadTarResult, TarBytes, TarEnd, TarReadLimits, TarStep } from './read';
export { writeTar, END_OF_ARCHIVE } from './write';
export type { WriteTarOptions } from './write';
export { plainEntry } from './entry';
export { dockerLayerTar, dockerLayerEntries, isKernelWhiteout, isOpaqueDir, WHITEOUT_PREFIX, OPAQUE_MARKER } from './docker';
export type { DockerLayerOptions } from './docker';
export { compareWalkOrder, sortInWalkOrder } from './walk-order';
