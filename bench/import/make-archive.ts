// Writes the import benchmark's archive to a file, to profile or inspect the import outside the suite:
//   node --import tsx bench/import/make-archive.ts /tmp/save.tar [--gzip] [--quick]
//   node --expose-gc --cpu-prof --import tsx bench/import/import-child.ts /tmp/save.tar
import { FULL_ARCHIVE, planArchive, QUICK_ARCHIVE } from './archive-plan';
import { benchImage, writeBenchArchive } from './write-archive';

function main(args: string[]): void {
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) throw new Error('usage: make-archive.ts OUT.tar [--gzip] [--quick]');
  const image = benchImage(planArchive(args.includes('--quick') ? QUICK_ARCHIVE : FULL_ARCHIVE));
  const archive = writeBenchArchive(image, path, args.includes('--gzip') ? 'gzip' : 'none');
  console.log(`${archive.path}: ${(archive.bytes / 1e6).toFixed(1)} MB, ${archive.format}, image ${archive.imageID}`);
}

main(process.argv.slice(2));
