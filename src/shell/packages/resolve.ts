// Dependency resolution, the way all three tools do it in the simple case: walk the dependency
// graph depth-first from what was asked for, skip what is installed, report what no repository has.
import { dependenciesOf, findPackage, type Catalog, type CatalogPackage } from './catalog';

/** Resolution: what an install would add, in install order (dependencies first), and what is missing. */
export interface Resolution {
  requested: CatalogPackage[];
  dependencies: CatalogPackage[];
  alreadyInstalled: string[];
  notFound: string[];
}

/**
 * resolveInstall works out which packages `names` need that `installed` does not already have.
 * `withRecommends` follows deb `Recommends` too (apt's default; `--no-install-recommends` turns it off).
 * @example
 * resolveInstall(loadCatalog('centos'), ['vim'], new Set(['bash'])).dependencies.map((p) => p.name);
 * // ['vim-filesystem', 'vim-common', 'gpm-libs', 'which']
 */
export function resolveInstall(catalog: Catalog, names: string[], installed: Set<string>,
  { withRecommends = false }: { withRecommends?: boolean } = {}): Resolution {
  const result: Resolution = { requested: [], dependencies: [], alreadyInstalled: [], notFound: [] };
  const order: CatalogPackage[] = [];
  const seen = new Set<string>();
  const visit = (pkg: CatalogPackage): void => {
    if (seen.has(pkg.name) || installed.has(pkg.name)) return;
    seen.add(pkg.name);
    const wanted = [...dependenciesOf(pkg), ...(withRecommends ? pkg.recommends ?? [] : [])];
    for (const dep of wanted) {
      const found = findPackage(catalog, dep);
      if (found !== undefined) visit(found);
      else if (!installed.has(dep)) result.notFound.push(dep);
    }
    order.push(pkg);
  };
  for (const name of names) {
    const pkg = findPackage(catalog, name);
    if (installed.has(name) || (pkg !== undefined && installed.has(pkg.name))) result.alreadyInstalled.push(pkg?.name ?? name);
    else if (pkg === undefined) result.notFound.push(name);
    else { result.requested.push(pkg); visit(pkg); }
  }
  result.dependencies = order.filter((p) => !result.requested.includes(p));
  return { ...result, requested: order.filter((p) => result.requested.includes(p)) };
}
