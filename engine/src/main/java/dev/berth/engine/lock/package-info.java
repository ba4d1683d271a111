/**
 * Locks across the processes that open one data root ({@link dev.berth.engine.lock.LockFile}):
 * until the engine daemon is the single writer, every {@code berth engine} command opens the
 * engine in its own process, and the stores serialise their changes on lock files.
 */
package dev.berth.engine.lock;
