// Engine: the simulated Docker host with the overlay2 driver. It holds what dockerd holds — images
// and tags, the layer store, overlay2 directories, containers — and answers the questions the
// Docker CLI asks, in the CLI's exact output formats. Identifiers come from a seeded generator and
// time from a logical clock, so a lesson prints the same thing every time it runs.
import { Disk, Tree } from '../overlay/tree';
import type { Image } from '../image/image';
import { createIdGenerator, type IdGenerator } from '../image/ids';
import { listBaseImages, loadBaseImage } from '../image/bases';
import { Clock } from './clock';
import { LayerStore, type StoredLayer } from './layer-store';
import { imageOfBase } from './base-images';
import { normalizeReference } from './references';
import { NoSuchObjectError } from './errors';
import type { Container } from './container';

/**
 * ImageRecord: an image the host knows, with the classic builder's parent link.
 * @example
 * const docker = new Docker();
 * docker.build('FROM alpine:latest\nENV GREETING=hi\n', { tags: ['hi:v1'] });
 * const record: ImageRecord = docker.engine.record('hi:v1');
 * record.parent === docker.image('alpine:latest').id // → true
 */
export interface ImageRecord {
  image: Image;
  layers: StoredLayer[];
  parent?: string;
  lastTagTime?: string;
}

/**
 * EngineOptions: how a simulated host starts: the seed of its IDs, its clock, its root directory.
 * The same options give the same IDs and dates on every run, which is what makes lessons repeatable.
 * @example
 * const options: EngineOptions = { seed: 42 };
 * new Docker(options).create('alpine:latest').id === new Docker(options).create('alpine:latest').id // → true
 */
export interface EngineOptions {
  /** Seed for every random-looking identifier (cache IDs, link IDs, container IDs). */
  seed?: string | number;
  /** Where the logical clock starts. */
  start?: string;
  /** The docker root shown in paths. */
  root?: string;
}

/**
 * Engine: the state of one simulated dockerd: its disk, clock, layer store, images, tags,
 * containers and build cache. `Docker` wraps it with the CLI's commands and output.
 * @example
 * const engine = new Engine();
 * build(engine, 'FROM alpine:latest\nRUN echo hi > /hi.txt\n', { tags: ['hi:v1'] });
 * [engine.hasImage('hi:v1'), engine.image('hi:v1').layers.length] // → [ true, 2 ]
 */
export class Engine {
  readonly disk = new Disk();
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly layers: LayerStore;
  readonly root: string;
  readonly images = new Map<string, ImageRecord>();
  /** tags: `name:tag` → image ID. */
  readonly tags = new Map<string, string>();
  /** containers by full ID, in creation order. */
  readonly containers = new Map<string, Container>();
  /** The classic builder's cache: probe key → image ID (see build/cache.ts). */
  readonly buildCache = new Map<string, string>();

  constructor({ seed = 1, start, root = '/var/lib/docker' }: EngineOptions = {}) {
    this.ids = createIdGenerator(seed);
    this.clock = new Clock(start);
    this.layers = new LayerStore(this.ids);
    this.root = root;
  }

  /** addImage stores an image (and its layers) without tagging it; returns its record. */
  addImage(image: Image, { parent }: { parent?: string } = {}): ImageRecord {
    const known = this.images.get(image.id);
    if (known) return known;
    const record: ImageRecord = { image, layers: this.layers.register(image.layers), parent };
    this.images.set(image.id, record);
    return record;
  }

  /** tag points `name[:tag]` at an image, moving the tag if it pointed elsewhere. */
  tag(imageRef: string, ref: string): void {
    const record = this.record(imageRef);
    this.tags.set(normalizeReference(ref), record.image.id);
    record.lastTagTime = this.clock.tick();
  }

  /**
   * image resolves a reference: a tag (`centos`, `test:v1`), a full or short image ID. Bundled
   * base images are "pulled" on first use, as `docker build` pulls a missing base.
   */
  image(ref: string): Image {
    return this.record(ref).image;
  }

  /** record: the stored record behind a reference (throws NoSuchObjectError). */
  record(ref: string): ImageRecord {
    const id = this.lookup(ref) ?? this.pullBundled(ref);
    const record = id ? this.images.get(id) : undefined;
    if (!record) throw new NoSuchObjectError({ kind: 'image', reference: ref });
    return record;
  }

  /** hasImage: whether a reference resolves without pulling. */
  hasImage(ref: string): boolean {
    return this.lookup(ref) !== undefined;
  }

  private lookup(ref: string): string | undefined {
    const tagged = this.tags.get(normalizeReference(ref));
    if (tagged) return tagged;
    const hex = ref.replace(/^sha256:/, '');
    if (!/^[0-9a-f]{4,64}$/.test(hex)) return undefined;
    const matches = [...this.images.keys()].filter((id) => id.slice(7).startsWith(hex));
    return matches.length === 1 ? matches[0] : undefined;
  }

  private pullBundled(ref: string): string | undefined {
    let base;
    try {
      base = loadBaseImage(ref);
    } catch (error) {
      if ((error as { name?: string }).name === 'UnknownBaseImageError') return undefined;
      throw error;
    }
    const image = imageOfBase(base, this.disk);
    this.addImage(image);
    this.tags.set(normalizeReference(ref), image.id);
    this.tags.set(normalizeReference(`${base.name}:${base.tag}`), image.id);
    return image.id;
  }

  /** bundledImages: the base images `FROM` can name offline. */
  static bundledImages(): string[] {
    return listBaseImages();
  }

  /** newScratch: a fresh upper and work directory on the host's disk (one filesystem, as overlay2 needs). */
  newScratch(): { upper: Tree; work: Tree } {
    return { upper: new Tree(this.disk), work: new Tree(this.disk) };
  }

  /** tagsOf: the familiar references pointing at an image, sorted. */
  tagsOf(id: string): string[] {
    return [...this.tags].filter(([, target]) => target === id).map(([ref]) => ref).sort();
  }

  /** topLayer: the stored top layer of an image (undefined for an image with no layers). */
  topLayer(record: ImageRecord): StoredLayer | undefined {
    return record.layers[record.layers.length - 1];
  }
}
