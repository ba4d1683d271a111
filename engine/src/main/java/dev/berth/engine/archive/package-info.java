/**
 * Copying files out of and into a container's root filesystem ({@code docker cp}): every path is
 * resolved inside the root as the container sees it, one component at a time from descriptors,
 * symlinks followed within the root and {@code ..} stopped at it, so nothing a container holds can
 * lead a copy onto the host. Uses the layer package's entry-name checks; used by the engine's edge.
 */
package dev.berth.engine.archive;
