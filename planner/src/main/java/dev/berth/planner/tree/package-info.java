/**
 * The located value tree: mappings, sequences and scalars that keep the file, line and column
 * where they were written. A representation below both the loader, whose stages rewrite it, and
 * the stack model, which reads it; it imports neither.
 */
package dev.berth.planner.tree;
