/** The service dependency graph: start and shutdown orders, parallel levels, cycle detection. */
package dev.berth.planner.graph;
