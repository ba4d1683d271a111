/**
 * The engine's shared core: the leaf types every part of the engine and its edge use (errors,
 * sizes, the log entry types), importing nothing of the engine's own, so no package cycle can
 * form through them.
 */
package dev.berth.engine.core;
