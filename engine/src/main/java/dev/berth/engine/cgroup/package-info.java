/**
 * Containers' cgroups: detection of the host's layout ({@link dev.berth.engine.cgroup.Cgroups}),
 * creation with limits under berth's parent cgroup, joining, freezing, OOM counts, killing and
 * removal, on cgroup v1 (hybrid hosts included) and v2. File names and conversions follow
 * runc's; see isolation.md §1.4.
 */
package dev.berth.engine.cgroup;
