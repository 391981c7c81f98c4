// Mount options: what `-o` may say and what the kernel makes of it (spec 1.1 and its option table).
import { Failure, fail } from './errors';

/**
 * RedirectDir: the `redirect_dir=` values. Only 'on' lets rename(2) move a directory that has a
 * lower part (recording its origin in `trusted.overlay.redirect`); otherwise the call fails with EXDEV.
 * @example
 * const redirectDir: RedirectDir = 'on';
 * const { m } = mountLayers([{ name: 'base', files: { old: { f: 'x' } } }], { redirectDir });
 * m.renameSync('/old', '/new');
 * m.readdirSync('/') // → [ 'new' ]
 */
export type RedirectDir = 'on' | 'follow' | 'nofollow' | 'off';

/**
 * OverlayOptions: the options this simulation models. Anything else is refused as unsupported.
 * @example
 * const options: OverlayOptions = { ...DEFAULT_OPTIONS, index: true };
 * mountLayers([{ name: 'base', files: {} }], options).m.procMountsSuffix() // → …index=on…
 */
export interface OverlayOptions {
  redirectDir: RedirectDir;
  index: boolean;
  metacopy: boolean;
  xino: 'on' | 'off' | 'auto';
  userxattr: boolean;
  volatile: boolean;
}

/**
 * DEFAULT_OPTIONS: what a mount without extra options gets, as on the reference kernel.
 * @example
 * DEFAULT_OPTIONS.redirectDir // → follow
 */
export const DEFAULT_OPTIONS: OverlayOptions = {
  // The reference kernel has CONFIG_OVERLAY_FS_REDIRECT_DIR=n and redirect_always_follow=Y,
  // so the default is "follow": redirects are followed but never created.
  redirectDir: 'follow', index: false, metacopy: false, xino: 'off', userxattr: false, volatile: false,
};

/** UnsupportedOption: an option the kernel knows but this simulation does not model. */
export class UnsupportedOption {
  constructor(readonly option: string) {}
}

const BOOLEAN = new Set(['on', 'off']);

/**
 * parseOptions reads the extra options of a mount data string (`redirect_dir=on,index=on`).
 * Unknown-to-the-kernel options give EINVAL, as mount(2) does; known but unmodelled ones give
 * UnsupportedOption so the caller can say so instead of answering wrongly.
 * @example
 * const options = parseOptions('metacopy=on') as OverlayOptions;
 * options.redirectDir // → on
 */
export function parseOptions(text: string, base: OverlayOptions = DEFAULT_OPTIONS): OverlayOptions | Failure | UnsupportedOption {
  const options = { ...base };
  for (const item of text.split(',').filter((part) => part !== '')) {
    const [key, value] = splitOnce(item);
    const result = applyOption(options, key, value);
    if (result) return result;
  }
  // metacopy=on needs redirects: the kernel turns redirect_dir on (spec 1.1 table).
  if (options.metacopy && (options.redirectDir === 'follow' || options.redirectDir === 'off')) options.redirectDir = 'on';
  // userxattr implies redirect_dir=nofollow (table row "userxattr") and forbids metacopy.
  if (options.userxattr) {
    if (options.metacopy) return fail('EINVAL');
    if (options.redirectDir === 'follow') options.redirectDir = 'nofollow';
  }
  return options;
}

function splitOnce(item: string): [string, string | undefined] {
  const at = item.indexOf('=');
  return at < 0 ? [item, undefined] : [item.slice(0, at), item.slice(at + 1)];
}

function applyOption(options: OverlayOptions, key: string, value: string | undefined): Failure | UnsupportedOption | undefined {
  switch (key) {
    case 'redirect_dir':
      if (value !== 'on' && value !== 'off' && value !== 'follow' && value !== 'nofollow') return fail('EINVAL');
      options.redirectDir = value === 'off' ? 'follow' : value;   // "off" = follow when redirect_always_follow=Y
      return undefined;
    case 'index': case 'metacopy':
      if (!value || !BOOLEAN.has(value)) return fail('EINVAL');
      options[key] = value === 'on';
      return undefined;
    case 'xino':
      if (value !== 'on' && value !== 'off' && value !== 'auto') return fail('EINVAL');
      options.xino = value;
      return undefined;
    case 'userxattr': case 'volatile':
      if (value !== undefined) return fail('EINVAL');
      options[key] = true;
      return undefined;
    case 'nfs_export': case 'uuid': case 'verity': case 'default_permissions':
      return new UnsupportedOption(value === undefined ? key : `${key}=${value}`);
    default:
      return fail('EINVAL');
  }
}

/** overlayXattrPrefix: `trusted.overlay.` normally, `user.overlay.` with userxattr (spec 1.12). */
export function overlayXattrPrefix(options: OverlayOptions): string {
  return options.userxattr ? 'user.overlay.' : 'trusted.overlay.';
}

/**
 * createsOpaqueOnMkdir: whether mkdir of a new name in a merged directory is marked opaque.
 * The kernel does this "optimisation" unless offline changes to the layers must stay allowed,
 * i.e. only when index, redirect_dir, metacopy or xino is on (spec 1.6 case 4, D16-D18).
 */
export function createsOpaqueOnMkdir(options: OverlayOptions): boolean {
  return options.index || options.redirectDir === 'on' || options.metacopy || options.xino === 'on';
}

/**
 * procMountsSuffix: the options /proc/mounts prints after `workdir=…` (spec 1.1 table). `firstMount`
 * is true when the upper had no uuid yet (uuid=on is then reported).
 */
export function procMountsSuffix(options: OverlayOptions, { hasUpper, firstMount, sameFs }: { hasUpper: boolean; firstMount: boolean; sameFs: boolean }): string {
  const parts: string[] = [];
  if (!hasUpper) return ',redirect_dir=on';
  if (options.redirectDir === 'on') parts.push('redirect_dir=on');
  if (options.redirectDir === 'nofollow') parts.push('redirect_dir=nofollow');
  if (options.index) parts.push('index=on');
  if (firstMount) parts.push('uuid=on');
  if (options.metacopy) parts.push('metacopy=on');
  if (options.xino === 'on' && !sameFs) parts.push('xino=on');
  if (options.userxattr) parts.push('userxattr');
  if (options.volatile) parts.push('fsync=volatile');
  return parts.length ? ',' + parts.join(',') : '';
}
