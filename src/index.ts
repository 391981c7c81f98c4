// layerlab's public API: everything a notebook or another program may import, listed explicitly.
// Internals (lookup steps, copy-up helpers, the runner's observers) are deliberately not exported:
// they may change; lessons import only from here (through `./lib/index`).

// ---- overlay: the simulated union mount ----------------------------------------------------------
export { mount, scratchDirs, OverlayMount } from './overlay/mount';
export type { MountSpec, DirLike } from './overlay/mount';
export { Disk, Tree, makedev, major, minor } from './overlay/tree';
export type { Inode, FileType } from './overlay/tree';
export { treeFromCompact, compactOfInode } from './overlay/compact';
export type { Compact } from './overlay/compact';
export { parseOptions, DEFAULT_OPTIONS } from './overlay/options';
export type { OverlayOptions, RedirectDir } from './overlay/options';
export { Stats } from './overlay/stats';
export { Dirent } from './overlay/dirent';
export { fsError, isFsError, ERRNO } from './overlay/errors';
export type { FsError, ErrnoCode } from './overlay/errors';
export type { RenameFlag } from './overlay/rename';
export type { Credentials } from './overlay/stack';

// ---- scenarios: replaying kernel-recorded overlay behaviour ---------------------------------------
export { runScenario, runScenarios } from './scenarios/runner';
export type { Scenario, ScenarioResult } from './scenarios/runner';
export { judgeScenario } from './scenarios/judge';

// ---- layers and images ----------------------------------------------------------------------------
export { Layer, layerFromTar, layerFromDirectory, layerDisk } from './layer/layer';
export { UnsafeLayerEntryError, isUnsafeLayerEntryError } from './layer/errors';
export { sha256Hex, digestOf, chainIDs, verifyDigest, DigestMismatchError, isDigestMismatchError } from './layer/digest';
export type { Digest } from './layer/digest';
export { readTar, walkTar, writeTar, dockerLayerTar, dockerLayerEntries, TarFormatError, isTarFormatError } from './layer/tar/index';
export type { TarEntry, TarEntryType } from './layer/tar/index';
export { detectCompression, decompress, gzipCompress } from './layer/compression';
export { makeImage, ImageMismatchError } from './image/image';
export type { Image } from './image/image';
export { configBytes } from './image/config-bytes';
export { parseImageConfig } from './image/parse';
export { imageID, imageChainIDs } from './image/digest';
export { emptyImage, appendLayer, appendEmptyLayer, layerHistory } from './image/append';
export { historyEntry } from './image/history';
export { createIdGenerator } from './image/ids';
export type { IdGenerator } from './image/ids';
export { listBaseImages, loadBaseImage, UnknownBaseImageError } from './image/bases';
export type { BaseImage, BaseFile } from './image/bases';
export type { ImageConfig, RunConfig, HistoryEntry, ConfigStyle } from './image/types';

// ---- Dockerfiles and the shell ----------------------------------------------------------------------
export { parseDockerfile } from './dockerfile/parse';
export type { ParseOptions } from './dockerfile/parse';
export { DockerfileParseError, isDockerfileParseError } from './dockerfile/errors';
export { formatError } from './dockerfile/format-error';
export { parseDockerignore, isIgnored } from './dockerfile/dockerignore';
export type { ParsedDockerfile, Stage, Instruction } from './dockerfile/types';
export { runShell } from './shell/runShell';
export type { RunShellOptions, ShellResult } from './shell/runShell';
export { formatRunFailure } from './shell/runFailure';
export { defaultCommands, mergeCommands } from './shell/commands/index';
export { packageCommands } from './shell/packages/index';
export type { ShellFs, CommandContext, Command, CommandTable } from './shell/types';

// ---- the simulated Docker host ----------------------------------------------------------------------
export { Docker } from './engine/docker';
export { Engine } from './engine/engine';
export type { EngineOptions, ImageRecord } from './engine/engine';
export { Container } from './engine/container';
export { build } from './engine/build/build';
export type { BuildOptions, BuildResult, BuildStepRecord } from './engine/build/build';
export { BuildError, isBuildError } from './engine/build/errors';
export { loadContext } from './engine/build/context';
export type { ContextSource } from './engine/build/context';
export { imageRootfs, rootfsEntries, renderRootfs } from './engine/rootfs';
export type { RootfsEntry } from './engine/rootfs';
export { NoSuchObjectError, isNoSuchObjectError } from './engine/errors';

// ---- real images in and out: import, explore, export, mount for real ------------------------------
export { importArchive } from './archive/import';
export { listArchive, openArchive } from './archive/open';
export type { ImportOptions, ImportedImage } from './archive/import';
export { openSource, openSourceImage, parseLocation, TRANSPORTS } from './archive/source';
export { terminalProgress, notebookProgress, progressLine } from './archive/progress';
export type { ImportProgress, ProgressCallback } from './archive/progress';
export { layerReports } from './archive/explore';
export type { LayerReport } from './archive/explore';
export { efficiencyReport } from './archive/efficiency';
export type { EfficiencyReport, Inefficiency } from './archive/efficiency';
export { renderLayerReports, renderEfficiency } from './archive/report-text';
export { exportImage, ociArchiveBytes, dockerArchiveBytes, writeOciLayout } from './archive/export';
export { materialize } from './archive/materialize';
export { compareWithKernel } from './archive/kernel-compare';
export type { KernelComparison } from './archive/kernel-compare';
export { InvalidArchiveError, ImageNotInArchiveError, MaterializeError, InvalidSourceError, isArchiveError } from './archive/errors';

// ---- Docker's text formats (pure renderers) ---------------------------------------------------------
export { renderImageInspect, imageInspectData } from './render/inspect-image';
export { renderContainerInspect } from './render/inspect-container';
export { renderHistory, historyRows } from './render/history';
export { renderImageList } from './render/image-list';
export { renderDiff } from './render/diff';
export { renderMountLine, renderProcMountsLine, dockerContainerMount } from './render/mount-line';
export { renderDockerRoot, dockerRootTree } from './render/docker-root';
export { renderTree, findNode } from './render/tree';
export { renderBytes } from './render/units';
export type { Change, GraphDriver, HistoryRow, ImageInspect, ContainerInspect } from './render/types';

// ---- lessons: display glue, explanations, exercises, pictures ---------------------------------------
export * from './lessons/index';
