/**
 * The loaded stack as immutable records ({@link dev.berth.planner.model.Project} and its parts),
 * built from the canonical model by {@link dev.berth.planner.model.Project#from}.
 */
package dev.berth.planner.model;
