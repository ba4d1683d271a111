/**
 * Notations of values that the loader canonicalises and the stack model reads, such as durations;
 * they depend on the located tree only.
 */
package dev.berth.planner.units;
