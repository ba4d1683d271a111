/**
 * berth's engine on one data root, wired together: {@link dev.berth.engine.Engine} owns the image
 * store, the volume store and the runtime; {@link dev.berth.engine.ContainerCreator} turns a
 * {@code docker run}-style {@link dev.berth.engine.RunRequest} into a container with the image's
 * config applied ({@link dev.berth.engine.ImageDefaults}); {@link dev.berth.engine.ContainerCgroups}
 * and {@link dev.berth.engine.GeneratedEtcFiles} are the runtime's cgroup and /etc seams.
 */
package dev.berth.engine;
