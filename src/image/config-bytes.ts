// The exact bytes of an image config, whose sha256 is the image ID (formats.md 2.1, 2.5).
import { marshalGo, type GoValue } from './gojson';
import { buildkitRunConfig, mobyRunConfig } from './run-config';
import type { ConfigStyle, HistoryEntry, ImageConfig, RootFS } from './types';

/**
 * configBytes serialises an image config exactly as Docker (`style: 'moby'`,
 * the default) or BuildKit (`style: 'buildkit'`) stores it: compact Go JSON,
 * top-level keys sorted, `<>&` written as `\u003c \u003e \u0026`, no trailing
 * newline. Both producers sort the top level because both re-marshal the
 * config through a `map[string]json.RawMessage`.
 *
 * @example
 * const bytes = configBytes({ architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } });
 * Buffer.from(bytes).toString() // → {"architecture":"amd64","os":"linux","rootfs":{"type":"layers"}}
 */
export function configBytes(config: ImageConfig, { style = 'moby' }: { style?: ConfigStyle } = {}): Uint8Array {
  return Buffer.from(marshalGo(configFields(config, style)), 'utf8');
}

/**
 * configFields gives the top-level members as a Go map, so they come out sorted.
 * Every string member is `omitempty` in both producers; structs are written
 * when present.
 */
function configFields(c: ImageConfig, style: ConfigStyle): Map<string, GoValue> {
  const runConfig = style === 'moby' ? mobyRunConfig : buildkitRunConfig;
  const fields: [string, GoValue | undefined][] = [
    ['architecture', c.architecture || undefined],
    ['author', c.author || undefined],
    ['comment', c.comment || undefined],
    ['config', c.config ? runConfig(c.config) : undefined],
    ['container', c.container || undefined],
    ['container_config', c.container_config ? mobyRunConfig(c.container_config) : undefined],
    ['created', c.created || undefined],
    ['docker_version', c.docker_version || undefined],
    ['history', c.history?.length ? c.history.map((h) => historyFields(h, style)) : undefined],
    ['os', c.os || undefined],
    ['os.features', c['os.features']?.length ? c['os.features'] : undefined],
    ['os.version', c['os.version'] || undefined],
    ['parent', c.parent || undefined],
    ['rootfs', rootfsFields(c.rootfs, style)],
    ['variant', c.variant || undefined],
  ];
  return new Map(fields.filter((f): f is [string, GoValue] => f[1] !== undefined));
}

/**
 * historyFields: moby's `image.History` declares author before created_by,
 * the OCI `History` that BuildKit uses declares it after (see the Docker 20.10
 * fixture `test_link.tar` versus `hello-world-v25.tar`).
 */
function historyFields(h: HistoryEntry, style: ConfigStyle): GoValue {
  const author = h.author || undefined;
  return {
    created: h.created || undefined,
    author: style === 'moby' ? author : undefined,
    created_by: h.created_by || undefined,
    ...(style === 'buildkit' ? { author } : {}),
    comment: h.comment || undefined,
    empty_layer: h.empty_layer || undefined,
  };
}

/** moby's RootFS has `diff_ids,omitempty`; the OCI one writes `null` or `[]` as given. */
function rootfsFields(r: RootFS, style: ConfigStyle): GoValue {
  const empty = !r.diff_ids || r.diff_ids.length === 0;
  return { type: r.type, diff_ids: style === 'moby' && empty ? undefined : r.diff_ids };
}
