// Media types: the `mediaType` strings that say what a blob is (formats.md 4.3;
// image-spec specs-go/v1/mediatype.go; Docker's distribution schema2).

/**
 * MediaType collects the media types a Docker or OCI image uses. A reader
 * picks the decoder (JSON, tar, gzip, zstd) from them, not from file names.
 *
 * @example
 * MediaType.ociManifest; // 'application/vnd.oci.image.manifest.v1+json'
 */
export const MediaType = {
  ociLayoutHeader: 'application/vnd.oci.layout.header.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
  ociLayer: 'application/vnd.oci.image.layer.v1.tar',
  ociLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
  ociLayerZstd: 'application/vnd.oci.image.layer.v1.tar+zstd',
  ociEmpty: 'application/vnd.oci.empty.v1+json',
  ociDescriptor: 'application/vnd.oci.descriptor.v1+json',
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  dockerLayer: 'application/vnd.docker.image.rootfs.diff.tar',
  dockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
} as const;

/**
 * MediaTypeName is any of the values of MediaType.
 *
 * @example
 * const t: MediaTypeName = MediaType.ociLayer;
 */
export type MediaTypeName = (typeof MediaType)[keyof typeof MediaType];

/**
 * layerCompression tells how a layer blob of this media type is compressed,
 * or `undefined` when the type is not a layer type this kit knows.
 *
 * @example
 * layerCompression('application/vnd.oci.image.layer.v1.tar+zstd'); // 'zstd'
 */
export function layerCompression(mediaType: string): 'none' | 'gzip' | 'zstd' | undefined {
  switch (mediaType) {
    case MediaType.ociLayer:
    case MediaType.dockerLayer:
      return 'none';
    case MediaType.ociLayerGzip:
    case MediaType.dockerLayerGzip:
      return 'gzip';
    case MediaType.ociLayerZstd:
      return 'zstd';
    default:
      return undefined;
  }
}
