package dev.berth.planner.bench;

import java.util.Random;

/**
 * Writes a large, valid stack file: {@code services} services, each with an image, a port, a
 * volume, environment, a healthcheck and a network, and {@code dependencies} depends_on edges in
 * total, each from a service to one written before it, so the graph has no cycle.
 */
public record GeneratedStack(int services, int dependencies, long seed) {

    public GeneratedStack {
        if (services < 2 || dependencies < 0 || dependencies > (long) services * (services - 1) / 2) {
            throw new IllegalArgumentException("cannot place " + dependencies + " dependencies among " + services
                    + " services without a cycle");
        }
    }

    /** The stack file's text. */
    public String yaml() {
        Random random = new Random(seed);
        int[] perService = spreadDependencies(random);
        StringBuilder out = new StringBuilder(services * 400);
        out.append("name: bench\n");
        out.append("x-common: &common\n  restart: unless-stopped\n  labels: {tier: bench}\n");
        out.append("services:\n");
        for (int i = 0; i < services; i++) {
            out.append("  svc").append(i).append(":\n");
            out.append("    <<: *common\n");
            out.append("    image: registry.local/app").append(i % 17).append(":${TAG:-1.0}\n");
            out.append("    ports: [\"").append(10000 + i).append(":80\"]\n");
            out.append("    volumes: [\"data").append(i % 10).append(":/data\", \"./conf:/conf:ro\"]\n");
            out.append("    environment:\n      ID: \"").append(i).append("\"\n      MODE: production\n");
            out.append("    healthcheck: {test: [\"CMD\", \"true\"], interval: 10s, retries: 3}\n");
            out.append("    networks: [net").append(i % 5).append("]\n");
            if (perService[i] > 0) {
                out.append("    depends_on:\n");
                for (int target : pickEarlier(random, i, perService[i])) {
                    out.append("      svc").append(target).append(": {condition: service_started}\n");
                }
            }
        }
        out.append("networks:\n");
        for (int n = 0; n < 5; n++) {
            out.append("  net").append(n).append(": {}\n");
        }
        out.append("volumes:\n");
        for (int v = 0; v < 10; v++) {
            out.append("  data").append(v).append(": {}\n");
        }
        return out.toString();
    }

    /** How many dependencies each service gets; service i can depend on at most i others. */
    private int[] spreadDependencies(Random random) {
        int[] counts = new int[services];
        int placed = 0;
        while (placed < dependencies) {
            int i = 1 + random.nextInt(services - 1);
            if (counts[i] < i) {
                counts[i]++;
                placed++;
            }
        }
        return counts;
    }

    private static int[] pickEarlier(Random random, int service, int count) {
        return random.ints(0, service).distinct().limit(count).sorted().toArray();
    }
}
