// Disagreements the differential test once found between the simulation and the real kernel,
// each shrunk to its smallest scenario and fixed in src/overlay. They are replayed on both sides on
// every run (differential.test.ts), so none can come back unnoticed.
// `s<seed>-<i>` in a comment names where the random test met it: randomScenarios(seed, n)[i].
import type { Compact } from '../../src/overlay/compact';
import type { Scenario } from '../../src/scenarios/runner';

const explicitHardlink = (to: string): Compact => ({ type: 'hardlink', to });

/** REGRESSIONS: what each case taught, and the scenario that shows it. */
export const REGRESSIONS: { lesson: string; scenario: Scenario }[] = [
  { lesson: 'xattr whiteouts of an opaque=x directory in the bottom-most lower layer are listed by readdir', scenario: { id: 'known-xwhiteout-bottom', lowers_compact: [{ a: {} }, { a: { d: { type: 'xwhiteout' }, '@opaque': 'x' } }], ops: [{ op: { op: 'listdir', path: 'a' } }] } },
  { lesson: 'rmdir counts xattr whiteouts: a directory holding only xwhiteouts is not empty', scenario: {
      id: 'known-xwhiteout-rmdir', lowers_compact: [{ d: { b: { type: 'xwhiteout' }, '@opaque': 'x' } }, { d: {} }],
      ops: [{ op: { op: 'listdir', path: 'd' } }, { op: { op: 'rmdir', path: 'd' } }],
    } },
  { lesson: 'rename reports a bad destination parent (ENOTDIR, ELOOP) before a missing source (ENOENT)', scenario: {
      id: 'known-rename-order', lowers_compact: [{ b: 'B', l: '->l' }],
      ops: [{ op: { op: 'rename', src: 'm', dst: 'b/c' } }, { op: { op: 'rename', src: 'm', dst: 'l/c' } }],
    } },
  { lesson: 'open(dir, O_RDONLY|O_TRUNC) is EISDIR', scenario: { id: 'known-open-trunc-dir', lowers_compact: [{ d: {} }], ops: [{ op: { op: 'open', path: 'd', flags: ['O_RDONLY', 'O_TRUNC'] } }] } },
  { lesson: 'RENAME_EXCHANGE marks a moved upper directory opaque, as a plain rename does', scenario: {
      id: 'known-exchange-opaque', lowers_compact: [{ b: 'B' }],
      ops: [{ op: { op: 'mkdir', path: 'a', mode: '0755' } }, { op: { op: 'rename', src: 'b', dst: 'a', flags: ['EXCHANGE'] } }],
    } },
  { lesson: 'RENAME_EXCHANGE with redirect_dir=on or metacopy=on sets redirects on both sides (a moved lower dir keeps its children)', scenario: {
      id: 'known-exchange-redirect', lowers_compact: [{ a: 'A' }, { d: { x: 'X' } }], extra_mount_options: 'redirect_dir=on',
      ops: [{ op: { op: 'rename', src: 'd', dst: 'a', flags: ['EXCHANGE'] } }, { op: { op: 'listdir', path: 'a' } }],
    } },
  { lesson: 'RENAME_EXCHANGE of a directory with one of its descendants is EINVAL', scenario: {
      id: 'known-exchange-ancestor', lowers_compact: [{ c: { c: 'C' } }],
      ops: [{ op: { op: 'rename', src: 'c/c', dst: 'c', flags: ['EXCHANGE'] } }],
    } },
  { lesson: 'link() with metacopy=on copies the source up metadata-only, with an absolute redirect', scenario: {
      id: 'known-link-metacopy', lowers_compact: [{ b: {}, d: 'D' }], extra_mount_options: 'metacopy=on',
      ops: [{ op: { op: 'link', src: 'd', dst: 'b/c' } }],
    } },
  { lesson: 'index=off: copying up one name of a lower hard link breaks the link', scenario: {
      id: 'known-lower-hardlink', lowers_compact: [{ a: 'old', h: explicitHardlink('a') }],
      ops: [{ op: { op: 'truncate', path: 'a', size: 0 } }, { op: { op: 'read', path: 'h' } }],
    } },
  { lesson: 'lower hard link: after one name is copied up and unlinked, the other still shows the lower data', scenario: {
      id: 'known-lower-hardlink-crash', lowers_compact: [{ b: 'B', h: explicitHardlink('b') }],
      ops: [{ op: { op: 'chown', path: 'h', uid: 0, gid: 1000 } }, { op: { op: 'unlink', path: 'h' } }, { op: { op: 'read', path: 'b' } }],
    } },
  { lesson: 'an unprivileged caller gets EACCES before any other check', scenario: {
      id: 'known-eacces-first', lowers_compact: [{ d: 'D', e: {} }],
      ops: [{ op: { op: 'rmdir', path: 'd', as_uid: 1000 } }, { op: { op: 'unlink', path: 'e', as_uid: 1000 } }, { op: { op: 'setxattr', path: 'd', name: 'user.k', value: 'v', as_uid: 1000 } }],
    } },
  { lesson: 'link() by an unprivileged caller of a file it may not write is EPERM, with nothing copied up', scenario: { id: 'known-link-unprivileged', lowers_compact: [{ a: 'A' }], ops: [{ op: { op: 'link', src: 'a', dst: 'c', as_uid: 1000 } }] } },
  {
    lesson: 'renaming one lower hard link onto the other is a real rename (they are separate overlay inodes without index=on)',
    scenario: { id: 's12-39', lowers_compact: [{ a: 'a0xyz', h: explicitHardlink('a') }], ops: [{ op: { op: 'rename', src: 'a', dst: 'h' } }, { op: { op: 'getxattr', path: 'a', name: 'user.k', as_uid: 1000 } }] },
  },
];
