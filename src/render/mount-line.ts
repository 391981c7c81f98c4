// The overlay mount as `mount` and `/proc/mounts` show it (overlayfs.md 1.1 and 4).

/**
 * OverlayMount describes one overlay mount: lower dirs TOP FIRST (the leftmost
 * `lowerdir=` entry is the top layer), an optional upper and work dir (without
 * them the mount is read-only), and any options the kernel reports after
 * `workdir=`.
 *
 * @example
 * const m: OverlayMount = { mountPoint: '/m', lowerDirs: ['/top', '/base'], upperDir: '/u', workDir: '/w' };
 */
export interface OverlayMount {
  mountPoint: string;
  lowerDirs: string[];
  upperDir?: string;
  workDir?: string;
  extraOptions?: string[];
}

/**
 * dockerContainerMount describes the overlay Docker mounts for a container
 * (or any layer with a parent): lowers are the short `l/<linkId>` symlink
 * paths from the layer's `lower` file, which the kernel prints unresolved.
 *
 * @example
 * dockerContainerMount({ mountId: 'c0ffee', lowerLinks: ['INIT', 'TOP', 'BASE'] }).lowerDirs
 * // → '/var/lib/docker/overlay2/l/INIT',…'/var/lib/docker/overlay2/l/BASE'
 */
export function dockerContainerMount({
  root = '/var/lib/docker',
  mountId,
  lowerLinks,
  extraOptions = [],
}: { root?: string; mountId: string; lowerLinks: string[]; extraOptions?: string[] }): OverlayMount {
  const home = `${root}/overlay2`;
  return {
    mountPoint: `${home}/${mountId}/merged`,
    lowerDirs: lowerLinks.map((link) => `${home}/l/${link}`),
    upperDir: `${home}/${mountId}/diff`,
    workDir: `${home}/${mountId}/work`,
    extraOptions,
  };
}

/**
 * mountOptions is the option list as the kernel reports it: `rw,relatime,`
 * then lowerdir/upperdir/workdir with `:` `,` `\` in paths backslash-escaped
 * as they must be in the mount data. A read-only overlay (no upper) reports
 * `ro` and, on the kernel the spec was verified on, `redirect_dir=on`.
 * A first mount of a fresh upper on a 6.x kernel also adds `uuid=on`: pass it
 * in `extraOptions` to show that.
 *
 * @example
 * mountOptions({ mountPoint: '/m', lowerDirs: ['/a', '/b'], upperDir: '/u', workDir: '/w' });
 * // 'rw,relatime,lowerdir=/a:/b,upperdir=/u,workdir=/w'
 */
export function mountOptions(m: OverlayMount): string {
  const readOnly = m.upperDir === undefined;
  const extra = m.extraOptions ?? (readOnly ? ['redirect_dir=on'] : []);
  const options = [readOnly ? 'ro' : 'rw', 'relatime', 'lowerdir=' + m.lowerDirs.map(escapePath).join(':')];
  if (!readOnly) options.push('upperdir=' + escapePath(m.upperDir ?? ''), 'workdir=' + escapePath(m.workDir ?? ''));
  return [...options, ...extra].join(',');
}

function escapePath(path: string): string {
  return path.replace(/[\\:,]/g, (ch) => '\\' + ch);
}

/**
 * renderMountLine prints the line `mount` (util-linux) shows for the overlay.
 *
 * @example
 * renderMountLine(dockerContainerMount({ mountId: 'c0ffee', lowerLinks: ['INIT', 'BASE'] }))
 * // → overlay on /var/lib/docker/overlay2/c0ffee/merged type overlay (rw,relatime,lowerdir=/var/lib/docker/overlay2/l/INIT:/var/lib/docker/overlay2/l/BASE,upperdir=/var/lib/docker/overlay2/c0ffee/diff,workdir=/var/lib/docker/overlay2/c0ffee/work)
 */
export function renderMountLine(m: OverlayMount): string {
  return `overlay on ${m.mountPoint} type overlay (${mountOptions(m)})`;
}

/**
 * renderProcMountsLine prints the `/proc/mounts` line: device, mount point,
 * type, options, `0 0`. The kernel writes space, tab, newline and backslash
 * as octal escapes (`\040`, `\134`…), and also commas inside the options.
 *
 * @example
 * renderProcMountsLine({ mountPoint: '/my mount', lowerDirs: ['/a', '/b'] }) // → overlay /my\040mount overlay ro,relatime,lowerdir=/a:/b,redirect_dir=on 0 0
 */
export function renderProcMountsLine(m: OverlayMount): string {
  const options = mountOptions(m)
    .split(/(?<!\\),/)
    .map((option) => octalEscape(option, /[ \t\n\\,]/g))
    .join(',');
  return `overlay ${octalEscape(m.mountPoint, /[ \t\n\\]/g)} overlay ${options} 0 0`;
}

function octalEscape(text: string, special: RegExp): string {
  return text.replace(special, (ch) => '\\' + ch.charCodeAt(0).toString(8).padStart(3, '0'));
}
