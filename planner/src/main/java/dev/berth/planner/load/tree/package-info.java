/**
 * The located value tree every loader stage works on: mappings, sequences and scalars that keep
 * the file, line and column where they were written.
 */
package dev.berth.planner.load.tree;
