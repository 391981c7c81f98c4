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
