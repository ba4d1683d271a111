/**
 * The key-aware loader stages after validation: short syntax to canonical long form
 * ({@link dev.berth.planner.load.canonical.Canonicalizer}), defaults and names
 * ({@link dev.berth.planner.load.canonical.Normalizer}) and consistency checks
 * ({@link dev.berth.planner.load.canonical.ConsistencyChecker}).
 */
package dev.berth.planner.load.canonical;
