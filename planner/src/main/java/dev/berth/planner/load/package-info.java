/**
 * The stack loader: finds the stack files and their environment, reads, interpolates, validates,
 * canonicalises and merges them ({@link dev.berth.planner.load.ProjectLoader}).
 *
 * <p>Code that every load runs tests node kinds with {@code instanceof} rather than with pattern
 * {@code switch}es: the JVM links each pattern switch when it first runs by generating a class
 * (5 ms for the first, under 1 ms for each one after), which the JDK 25 AOT cache cannot keep, and
 * a {@code berth} command runs this code once per process.
 */
package dev.berth.planner.load;
