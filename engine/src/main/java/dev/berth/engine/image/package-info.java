/**
 * The engine's image store: an OCI image layout under {@code <dataRoot>/images/} (OCI image-spec
 * {@code image-layout.md}), loading {@code docker save} and OCI archives, importing root-filesystem
 * tars, references, image configs, and resolving an image to its unpacked layers for the runtime.
 * {@link dev.berth.engine.image.ImageStore} is the entry point.
 */
package dev.berth.engine.image;
