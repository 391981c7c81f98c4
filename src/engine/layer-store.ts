// The layer store: image layers by ChainID, with the overlay2 directory each lives in — the
// `layerdb/sha256/<chainID>/{diff,size,cache-id,parent}` and `overlay2/<cache-id>/{diff,link,lower}`
// that Docker keeps (formats.md 1.3, 1.4). A layer is stored once however many images share it.
import { chainIDs } from '../layer/digest';
import type { Layer } from '../layer/layer';
import type { IdGenerator } from '../image/ids';

/** StoredLayer: one layer of the store and the names Docker gives its directories. */
export interface StoredLayer {
  chainID: string;
  parent?: StoredLayer;
  layer: Layer;
  /** overlay2/<cacheID>: a random 64-hex name, not derived from any digest. */
  cacheID: string;
  /** overlay2/l/<link>: the 26-character short name used in mount options. */
  link: string;
  /** A child was made on top of it (overlay2 writes an empty `committed` file into the parent). */
  committed: boolean;
}

export class LayerStore {
  private readonly byChain = new Map<string, StoredLayer>();

  constructor(private readonly ids: IdGenerator) {}

  /** register stores a stack of layers (bottom first), reusing those already present; returns them bottom first. */
  register(layers: readonly Layer[]): StoredLayer[] {
    const chain = chainIDs(layers.map((layer) => layer.diffID));
    const stored: StoredLayer[] = [];
    layers.forEach((layer, i) => {
      let entry = this.byChain.get(chain[i]);
      if (!entry) {
        entry = { chainID: chain[i], parent: stored[i - 1], layer, cacheID: this.ids.hex64(), link: this.ids.linkId(), committed: false };
        this.byChain.set(chain[i], entry);
        if (entry.parent) entry.parent.committed = true;
      }
      stored.push(entry);
    });
    return stored;
  }

  /** get: a stored layer by ChainID. */
  get(chainID: string): StoredLayer | undefined {
    return this.byChain.get(chainID);
  }

  /** all stored layers, in the order they were stored. */
  all(): StoredLayer[] {
    return [...this.byChain.values()];
  }

  /** lowerLinks: the `lower` file of a layer: its ancestors' links, top first. */
  static lowerLinks(entry: StoredLayer): string[] {
    const links: string[] = [];
    for (let p = entry.parent; p; p = p.parent) links.push(p.link);
    return links;
  }

  /** chainSize: `docker image inspect`'s Size: the sum of the sizes of the layers in the chain. */
  static chainSize(entry: StoredLayer | undefined): number {
    let total = 0;
    for (let p = entry; p; p = p.parent) total += p.layer.size;
    return total;
  }
}
