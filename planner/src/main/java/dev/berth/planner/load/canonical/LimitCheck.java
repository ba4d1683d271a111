package dev.berth.planner.load.canonical;

import static dev.berth.planner.load.canonical.ConsistencyChecker.INVALID;

import java.util.Objects;

import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.Node;
import dev.berth.planner.tree.ScalarNode;

/**
 * Settings a service may give twice, in its own keys and under {@code deploy}, must agree
 * (compose-go's consistency check): {@code scale} and {@code deploy.replicas}, {@code cpus},
 * {@code mem_limit}, {@code mem_reservation} and {@code pids_limit} with their
 * {@code deploy.resources} counterparts; and a fixed {@code container_name} allows one replica only.
 */
record LimitCheck(String name, MapNode s) {

    void run() {
        MapNode deploy = ConsistencyChecker.map(s.get("deploy"));
        MapNode resources = ConsistencyChecker.map(deploy.get("resources"));
        MapNode limits = ConsistencyChecker.map(resources.get("limits"));
        MapNode reservations = ConsistencyChecker.map(resources.get("reservations"));
        Node scale = s.get("scale");
        Node replicas = deploy.get("replicas");
        if (scale != null && replicas != null && !same(scale, replicas)) {
            ConsistencyChecker.fail(scale.location(), "services." + name + ": can't set distinct values on 'scale' and 'deploy.replicas'" + INVALID);
        }
        agree("cpus", s.get("cpus"), "deploy.resources.limits.cpus", limits.get("cpus"));
        agree("mem_limit", s.get("mem_limit"), "deploy.resources.limits.memory", limits.get("memory"));
        agree("mem_reservation", s.get("mem_reservation"), "deploy.resources.reservations.memory", reservations.get("memory"));
        agree("pids_limit", s.get("pids_limit"), "deploy.resources.limits.pids", limits.get("pids"));
        Node count = scale != null ? scale : replicas;
        if (s.has("container_name") && count instanceof ScalarNode c && c.value() instanceof Number n && n.longValue() > 1) {
            ConsistencyChecker.fail(s.get("container_name").location(), "services." + name + ": can't set container_name and "
                    + (scale != null ? "scale" : "deploy.replicas") + " as container name must be unique" + INVALID);
        }
    }

    private void agree(String key, Node own, String deployKey, Node fromDeploy) {
        if (own != null && fromDeploy != null && !same(own, fromDeploy)) {
            ConsistencyChecker.fail(own.location(), "services." + name + ": can't set distinct values on '" + key + "' and '" + deployKey + "'" + INVALID);
        }
    }

    private static boolean same(Node a, Node b) {
        Object x = a instanceof ScalarNode s ? s.value() : a.toPlain();
        Object y = b instanceof ScalarNode s ? s.value() : b.toPlain();
        if (x instanceof Number n && y instanceof Number m) {
            return n.doubleValue() == m.doubleValue();
        }
        return Objects.equals(x, y);
    }
}
