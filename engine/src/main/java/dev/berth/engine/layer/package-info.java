/**
 * Applying layer tars (OCI image-spec {@code layer.md}) into overlayfs lower-layer folders, with
 * strict path safety, and the few system calls NIO lacks, made through {@code java.lang.foreign}.
 * {@link dev.berth.engine.layer.LayerApplier} is the entry point.
 */
package dev.berth.engine.layer;
