package dev.berth.engine.runtime;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The last exit codes of the containers this process removed, so that a wait for the removal of
 * a container (Docker's {@code condition=removed}, which {@code --rm} runs use) still answers with
 * its exit code when the removal came first. Only the most recent removals are kept.
 */
final class RemovedExits {

    private static final int KEPT = 1024;

    private final Map<String, Integer> codes = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > KEPT;
        }
    };

    synchronized void record(String id, int exitCode) {
        codes.put(id, exitCode);
    }

    synchronized OptionalInt find(String id) {
        Integer code = codes.get(id);
        return code == null ? OptionalInt.empty() : OptionalInt.of(code);
    }
}
