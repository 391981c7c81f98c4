// KNOWN_DIFFERENCES: where the simulation (src/overlay) still disagrees with the real kernel.
// Each entry was found by the differential test, shrunk to its `example`, and checked on Linux
// 6.18 (the catalog's kernel). The lead owns src/; until an entry is fixed there, differences it
// `excuses` do not fail differential.test.ts. Delete an entry once the simulation is fixed: the
// test prints a warning when an example stops disagreeing.
// `seen` names where the random test met it: `s<seed>-<i>` = randomScenarios(seed, n)[i].
import type { Compact } from '../../src/overlay/compact';
import type { Scenario, ScenarioResult } from '../../src/scenarios/runner';
import type { Difference } from './compare';

/** KnownDifference: one disagreement, the smallest scenario that shows it, and what it excuses. */
export interface KnownDifference {
  name: string;
  seen: string[];
  /** what the kernel does, and why */
  kernel: string;
  example: Scenario;
  excuses(scenario: Scenario, kernel: ScenarioResult, difference: Difference): boolean;
}

const explicitHardlink = (to: string): Compact => ({ type: 'hardlink', to });
const opIndex = (difference: Difference): number => Number(/^op (\d+)/.exec(difference.where)?.[1] ?? 0) - 1;
const opOf = (scenario: Scenario, difference: Difference) => scenario.ops?.[opIndex(difference)]?.op;
const errOf = (value: unknown): string | undefined => (value as { err?: string } | null)?.err;

/** hasXwhiteoutDirs: some layer holds a directory marked opaque=x (xattr whiteouts inside, spec 1.5). */
function hasXwhiteoutDirs(scenario: Scenario): boolean {
  return JSON.stringify(scenario.lowers_compact).includes('"@opaque":"x"');
}

/** afterExchange: the difference comes at or after a RENAME_EXCHANGE that succeeded on the kernel. */
function afterExchange(scenario: Scenario, kernel: ScenarioResult, difference: Difference): boolean {
  const first = (scenario.ops ?? []).findIndex(({ op }, i) =>
    op.op === 'rename' && (op.flags as string[] | undefined ?? []).includes('EXCHANGE') && 'ok' in (kernel.ops[i] ?? {}));
  return first >= 0 && (!difference.where.startsWith('op ') || opIndex(difference) > first);
}

export const KNOWN_DIFFERENCES: KnownDifference[] = [
  {
    name: 'xattr whiteouts of an opaque=x directory in the bottom-most lower layer are listed by readdir',
    seen: ['s1-134', 's7-108', 's1-59', 's1-106', 's2-197', 's6-53'],
    kernel: 'ovl_lookup_single() stops before reading the opaque xattr of the last layer (d->last), so '
      + 'opaque=x is not seen there: readdir lists the xwhiteout, lookup still says ENOENT ("!ENOENT"). '
      + 'Spec 1.3 says "readdir filters them out only inside lower dirs marked opaque=x" (A07 has it in l0 of 2).',
    example: { id: 'known-xwhiteout-bottom', lowers_compact: [{ a: {} }, { a: { d: { type: 'xwhiteout' }, '@opaque': 'x' } }], ops: [{ op: { op: 'listdir', path: 'a' } }] },
    excuses: (scenario) => hasXwhiteoutDirs(scenario),
  },
  {
    name: 'rmdir counts xattr whiteouts: a directory holding only xwhiteouts is not empty',
    seen: ['s2-291', 's7-179'],
    kernel: 'rmdir gives ENOTEMPTY even where readdir hides the xwhiteouts (listdir [] then rmdir ENOTEMPTY); '
      + 'the simulation removes the directory and leaves a whiteout.',
    example: {
      id: 'known-xwhiteout-rmdir', lowers_compact: [{ d: { b: { type: 'xwhiteout' }, '@opaque': 'x' } }, { d: {} }],
      ops: [{ op: { op: 'listdir', path: 'd' } }, { op: { op: 'rmdir', path: 'd' } }],
    },
    excuses: (scenario) => hasXwhiteoutDirs(scenario),
  },
  {
    name: 'rename reports a bad destination parent (ENOTDIR, ELOOP) before a missing source (ENOENT)',
    seen: ['s1-91', 's1-121', 's2-45', 's2-62', 's4-37', 's4-40', 's4-114', 's5-100'],
    kernel: 'renameat2() resolves both parent paths before it looks up the last components, so '
      + 'rename("m", "b/c") with a file b is ENOTDIR and with a symlink loop l is ELOOP, even when m is missing.',
    example: {
      id: 'known-rename-order', lowers_compact: [{ b: 'B', l: '->l' }],
      ops: [{ op: { op: 'rename', src: 'm', dst: 'b/c' } }, { op: { op: 'rename', src: 'm', dst: 'l/c' } }],
    },
    excuses: (scenario, _kernel, d) => opOf(scenario, d)?.op === 'rename' && ['ENOTDIR', 'ELOOP'].includes(errOf(d.kernel) ?? '') && errOf(d.simulation) === 'ENOENT',
  },
  {
    name: 'open(dir, O_RDONLY|O_TRUNC) is EISDIR',
    seen: ['s1-188', 's2-11', 's3-167', 's4-24', 's5-159', 's6-159', 's7-34'],
    kernel: 'O_TRUNC asks for write access (build_open_flags adds MAY_WRITE), and may_open() refuses '
      + 'write access to a directory with EISDIR, before any permission check; the simulation opens it '
      + '(or, as an unprivileged caller, answers EACCES: s2-8).',
    example: { id: 'known-open-trunc-dir', lowers_compact: [{ d: {} }], ops: [{ op: { op: 'open', path: 'd', flags: ['O_RDONLY', 'O_TRUNC'] } }] },
    excuses: (scenario, _kernel, d) => opOf(scenario, d)?.op === 'open' && errOf(d.kernel) === 'EISDIR' && errOf(d.simulation) !== 'EISDIR',
  },
  {
    name: 'RENAME_EXCHANGE does not mark a moved directory opaque',
    seen: ['s1-66', 's6-65'],
    kernel: 'exchanging a new upper dir with a name that has a lower object sets opaque=y on the dir at '
      + 'its new place, as a plain rename onto such a name does (spec 1.6 case 2, E10).',
    example: {
      id: 'known-exchange-opaque', lowers_compact: [{ b: 'B' }],
      ops: [{ op: { op: 'mkdir', path: 'a', mode: '0755' } }, { op: { op: 'rename', src: 'b', dst: 'a', flags: ['EXCHANGE'] } }],
    },
    excuses: afterExchange,
  },
  {
    name: 'RENAME_EXCHANGE with redirect_dir=on or metacopy=on sets no redirect (a moved lower dir loses its children)',
    seen: ['s7-36', 's6-30', 's4-220', 's2-95', 's4-13', 's4-83', 's3-126', 's6-41'],
    kernel: 'both sides get trusted.overlay.redirect (spec 1.7): a lower dir exchanged to a new name keeps '
      + 'showing its lower children; metacopy-only files get redirect like a plain rename (G13).',
    example: {
      id: 'known-exchange-redirect', lowers_compact: [{ a: 'A' }, { d: { x: 'X' } }], extra_mount_options: 'redirect_dir=on',
      ops: [{ op: { op: 'rename', src: 'd', dst: 'a', flags: ['EXCHANGE'] } }, { op: { op: 'listdir', path: 'a' } }],
    },
    excuses: afterExchange,
  },
  {
    name: 'RENAME_EXCHANGE of a directory with one of its descendants is EINVAL',
    seen: ['s2-222', 's3-57', 's7-211'],
    kernel: 'with RENAME_EXCHANGE either side may not be an ancestor of the other: do_renameat2() '
      + 'answers EINVAL where a plain rename onto an ancestor gives ENOTEMPTY (spec 1.7, E21).',
    example: {
      id: 'known-exchange-ancestor', lowers_compact: [{ c: { c: 'C' } }],
      ops: [{ op: { op: 'rename', src: 'c/c', dst: 'c', flags: ['EXCHANGE'] } }],
    },
    excuses: (scenario, _kernel, d) => {
      const op = opOf(scenario, d);
      return op?.op === 'rename' && (op.flags as string[] | undefined ?? []).includes('EXCHANGE') && errOf(d.kernel) === 'EINVAL';
    },
  },
  {
    name: 'link() with metacopy=on copies the source up metadata-only, with an absolute redirect',
    seen: ['s7-84'],
    kernel: 'the linked upper inode is a sparse metacopy file with trusted.overlay.metacopy and '
      + 'redirect="/<source path>" (both names share it); the simulation copies the data up in full.',
    example: {
      id: 'known-link-metacopy', lowers_compact: [{ b: {}, d: 'D' }], extra_mount_options: 'metacopy=on',
      ops: [{ op: { op: 'link', src: 'd', dst: 'b/c' } }],
    },
    excuses: (scenario, kernel, d) => scenario.extra_mount_options === 'metacopy=on'
      && (scenario.ops ?? []).some(({ op }, i) => op.op === 'link' && 'ok' in (kernel.ops[i] ?? {}))
      && !d.where.startsWith('op '),
  },
  {
    name: 'index=off: copying up one name of a lower hard link breaks the link',
    seen: ['s1-250', 's3-104'],
    kernel: 'spec 1.9 (C12): the other name keeps showing the old lower data; the simulation changes both names.',
    example: {
      id: 'known-lower-hardlink', lowers_compact: [{ a: 'old', h: explicitHardlink('a') }],
      ops: [{ op: { op: 'truncate', path: 'a', size: 0 } }, { op: { op: 'read', path: 'h' } }],
    },
    excuses: (scenario) => JSON.stringify(scenario.lowers_compact).includes('"type":"hardlink"') && !(scenario.extra_mount_options ?? '').includes('index=on'),
  },
  {
    name: 'lower hard link: after one name is copied up and unlinked, the simulation crashes on the other',
    seen: ['s1-206'],
    kernel: 'the other name still shows the lower data ("B"); runScenario throws a raw memfs error '
      + '"ENOENT: no such file or directory, open \'/17\'" (its data store lost the shared inode\'s data).',
    example: {
      id: 'known-lower-hardlink-crash', lowers_compact: [{ b: 'B', h: explicitHardlink('b') }],
      ops: [{ op: { op: 'chown', path: 'h', uid: 0, gid: 1000 } }, { op: { op: 'unlink', path: 'h' } }, { op: { op: 'read', path: 'b' } }],
    },
    excuses: (scenario, _kernel, d) => d.where === 'mount' && String(d.simulation).startsWith('simulation threw')
      && JSON.stringify(scenario.lowers_compact).includes('"type":"hardlink"'),
  },
  {
    name: 'an unprivileged caller gets EACCES before any other check',
    seen: ['s1-6', 's1-14', 's1-18', 's1-29', 's1-161'],
    kernel: 'may_delete()/may_create() check write+search permission on the parent before the type of the '
      + 'victim (EACCES, not ENOTDIR/EISDIR), and setxattr of user.* on a file the caller may not write is '
      + 'EACCES (xattr_permission), not EPERM.',
    example: {
      id: 'known-eacces-first', lowers_compact: [{ d: 'D', e: {} }],
      ops: [{ op: { op: 'rmdir', path: 'd', as_uid: 1000 } }, { op: { op: 'unlink', path: 'e', as_uid: 1000 } }, { op: { op: 'setxattr', path: 'd', name: 'user.k', value: 'v', as_uid: 1000 } }],
    },
    excuses: (scenario, _kernel, d) => typeof opOf(scenario, d)?.as_uid === 'number' && errOf(d.kernel) === 'EACCES' && errOf(d.simulation) !== undefined,
  },
  {
    name: 'link() by an unprivileged caller of a file it may not write is EPERM, with nothing copied up',
    seen: ['s6-165', 's6-259'],
    kernel: 'fs.protected_hardlinks=1 (the default on Debian, and on the catalog machine) makes may_linkat() '
      + 'refuse with EPERM before anything else; the simulation answers EACCES after copying the source up.',
    example: { id: 'known-link-unprivileged', lowers_compact: [{ a: 'A' }], ops: [{ op: { op: 'link', src: 'a', dst: 'c', as_uid: 1000 } }] },
    excuses: (scenario, kernel) => (scenario.ops ?? []).some(({ op }, i) => op.op === 'link' && typeof op.as_uid === 'number' && errOf(kernel.ops[i]) === 'EPERM'),
  },
];

/** excusedBy: the known difference that explains `difference`, if any. */
export function excusedBy(scenario: Scenario, kernel: ScenarioResult, difference: Difference): KnownDifference | undefined {
  return KNOWN_DIFFERENCES.find((known) => known.excuses(scenario, kernel, difference));
}
