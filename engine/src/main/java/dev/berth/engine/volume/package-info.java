/**
 * Named and anonymous volumes of the {@code local} driver ({@link dev.berth.engine.volume.VolumeStore}),
 * filling a new volume from the image, and the host side of bind, volume and tmpfs mounts
 * ({@link dev.berth.engine.volume.MountPlanner}), with Docker's names and messages.
 */
package dev.berth.engine.volume;
