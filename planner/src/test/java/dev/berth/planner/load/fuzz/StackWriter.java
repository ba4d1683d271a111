package dev.berth.planner.load.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes random valid stack files from the grammar of the Compose specification: services with
 * images or builds, ports in every short and long form, volumes (bind, volume, tmpfs, anonymous),
 * environment as list and mapping, env_file, depends_on in short and long form, networks,
 * healthchecks, profiles, extends (same file and {@value #COMMON_FILE}), an anchor with a merge key,
 * include, and interpolation with defaults, alternatives and escapes. Dependencies only point to services
 * written earlier and profiled services have no dependents, so every stack it writes is valid.
 */
public final class StackWriter {

    /** The other stack file {@code extends} may name; its one service is {@code common}. */
    public static final String COMMON_FILE = "common.yaml";
    /** Its content. */
    public static final String COMMON_TEXT = """
            services:
              common:
                image: busybox:${COMMON_TAG:-1.36}
                environment: [FROM_COMMON=1]
                labels: {origin: common}
            """;
    /** A file the stacks may {@code include}; it defines the service {@code included}. */
    public static final String INCLUDED_FILE = "inc/compose.yaml";
    /** Its content. */
    public static final String INCLUDED_TEXT = "services:\n  included:\n    image: busybox\n    volumes: [\"./data:/d\"]\n";
    /** An override file loaded after the stack ({@code -f compose.yaml -f override.yaml}); it changes s0. */
    public static final String OVERRIDE_FILE = "override.yaml";
    /** Its content. */
    public static final String OVERRIDE_TEXT = """
            services:
              s0:
                ports: !override ["9999:80"]
                environment: {OVERRIDDEN: "1"}
                labels: !reset {}
            """;
    /** The env_file the services may name. */
    public static final String ENV_FILE = "app.env";
    /** Its content, in the dotenv format. */
    public static final String ENV_TEXT = "# app settings\nexport APP_MODE=prod\nQUOTED=\"a b\\nc\"\nSINGLE='x $y'\n";

    private static final String[] PORTS = {"\"80\"", "\"8080:80\"", "\"127.0.0.1:8081:80\"", "\"8000-8001:80-81\"",
        "\"[::1]:9000:90/udp\"", "\"53:53/udp\"", "3000", "\"${WEB_PORT:-8082}:80\"", "\"127.0.0.1::81\"",
        "{target: 80, published: \"8083\", protocol: tcp, mode: host}", "{target: 81, host_ip: 127.0.0.1, published: 9090}",
        "{target: 82}", "{target: 83, published: \"9100-9101\", app_protocol: http, name: web}"};
    private static final String[] VOLUMES = {"\"data:/data\"", "\"./src:/src:ro\"", "\"/var/run/x:/x\"", "\"~/cache:/cache\"",
        "\"/anonymous\"", "\"data:/ro:ro,nocopy\"", "{type: volume, source: data, target: /d, volume: {nocopy: true}}",
        "{type: bind, source: ., target: /b, read_only: true, bind: {create_host_path: true}}",
        "{type: tmpfs, target: /t, tmpfs: {size: 1m, mode: 1777}}", "\"${DATA_DIR:-./data}:/persist\""};
    private static final String[] ENV_LIST = {"A=1", "B=${TAG:-none}", "C=$$literal", "D=${MISSING-}", "INHERITED",
        "E=${TAG:+set}", "F=\"quoted\"", "G=${NESTED:-${TAG}}"};
    private static final String[] ENV_MAP = {"A: 1", "B: \"${TAG}\"", "C: \"$$x\"", "D: null", "E: true", "F: ''",
        "G: ${UNSET_VAR:-fallback}", "H: 0.5"};
    private static final String[] HEALTHCHECKS = {
        "{test: [\"CMD\", \"true\"], interval: 10s, timeout: 1s, retries: 3, start_period: 1m30s}",
        "{test: curl -f http://localhost, interval: 1m}", "{test: [\"CMD-SHELL\", \"exit 0\"], start_interval: 5s}",
        "{disable: true}", "{test: [\"NONE\"]}"};
    private static final String[] CONDITIONS = {"service_started", "service_healthy", "service_completed_successfully"};
    private static final String[] EXTRAS = {"restart: always", "init: true", "read_only: ${READ_ONLY:-false}",
        "command: [\"sh\", \"-c\", \"echo hi\"]", "hostname: \"${HOST_NAME:-box}\"", "mem_limit: 1g", "cpus: 0.5",
        "stop_grace_period: 1m30s", "ulimits: {nofile: {soft: 1024, hard: 2048}, nproc: 512}",
        "deploy: {replicas: 2, resources: {limits: {cpus: \"0.5\", memory: 1g}}}", "shm_size: 64m",
        "labels: [\"a=b\", \"c\"]", "entrypoint: /bin/sh", "working_dir: /app", "user: \"1000:1000\"",
        "extra_hosts: [\"db:10.0.0.2\"]", "dns: 8.8.8.8", "tmpfs: [/run]", "cap_add: [NET_ADMIN]",
        "stop_signal: SIGTERM", "x-note: anything"};

    private final Random random;

    public StackWriter(Random random) {
        this.random = random;
    }

    /** A valid stack file's text. */
    public String write() {
        StringBuilder out = new StringBuilder();
        if (random.nextBoolean()) {
            out.append("name: ").append(pick("fuzz", "\"fuzz-${SUFFIX:-a}\"", "my_app1")).append('\n');
        }
        if (random.nextInt(5) == 0) {
            out.append("include:\n  - ").append(INCLUDED_FILE).append('\n');
        }
        boolean anchor = random.nextBoolean();
        if (anchor) {
            out.append("x-defaults: &defaults\n  restart: unless-stopped\n  labels:\n    team: core\n");
        }
        out.append("services:\n");
        int count = 1 + random.nextInt(5);
        boolean base = random.nextBoolean();
        if (base) {
            out.append("  base:\n    image: alpine:${TAG:-3}\n    environment: {FROM_BASE: \"1\"}\n");
        }
        boolean profiled = count > 1 && random.nextBoolean();
        List<String> networks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            service(out, i, anchor, base, profiled && i == count - 1, networks);
        }
        if (!networks.isEmpty() || random.nextInt(4) == 0) {
            out.append("networks:\n  front: {}\n  back:\n    driver: bridge\n    ipam: {config: [{subnet: 172.28.0.0/16}]}\n")
                    .append("  outside: {external: true, name: host_net}\n");
        }
        out.append("volumes:\n  data:").append(pick("", " {}", "\n    driver: local", "\n    labels: [x=y]")).append('\n');
        if (random.nextInt(4) == 0) {
            out.append("x-extra: {any: [thing]}\n");
        }
        return out.toString();
    }

    private void service(StringBuilder out, int i, boolean anchor, boolean base, boolean profiled,
                         List<String> networks) {
        out.append("  s").append(i).append(":\n");
        if (anchor && random.nextBoolean()) {
            out.append("    <<: *defaults\n");
        }
        int extendsKind = random.nextInt(4);
        if (extendsKind == 1 && base) {
            out.append("    extends: base\n");
        } else if (extendsKind == 2) {
            out.append("    extends: {file: ").append(COMMON_FILE).append(", service: common}\n");
        } else {
            out.append("    ").append(random.nextInt(5) == 0 ? "build: " + pick(".", "{context: ., dockerfile: Dockerfile, args: [V=1]}")
                    : "image: " + pick("nginx", "\"redis:${REDIS_TAG:-7}\"", "registry.local:5000/team/app:1.0", "busybox"))
                    .append('\n');
        }
        if (random.nextBoolean()) {
            list(out, "ports", PORTS);
        }
        if (random.nextBoolean()) {
            list(out, "volumes", VOLUMES);
        }
        if (random.nextBoolean()) {
            if (random.nextBoolean()) {
                list(out, "environment", ENV_LIST);
            } else {
                map(out, "environment", ENV_MAP);
            }
        }
        if (random.nextInt(4) == 0) {
            out.append("    env_file: ").append(pick(ENV_FILE, "[" + ENV_FILE + "]",
                    "[{path: " + ENV_FILE + ", required: true}, {path: missing.env, required: false}]")).append('\n');
        }
        if (i > 0 && random.nextBoolean()) {
            dependsOn(out, i);
        }
        if (random.nextBoolean()) {
            networks.add("s" + i);
            out.append("    networks: ").append(pick("[front]", "[front, back]", "{front: {aliases: [web]}, back: null}",
                    "{back: {ipv4_address: 172.28.0.5, priority: 10}}")).append('\n');
        }
        if (random.nextInt(3) == 0) {
            out.append("    healthcheck: ").append(pick(HEALTHCHECKS)).append('\n');
        }
        if (profiled) {
            out.append("    profiles: [").append(pick("debug", "debug, tools")).append("]\n");
        }
        for (String extra : random.ints(0, EXTRAS.length).distinct().limit(random.nextInt(4)).mapToObj(n -> EXTRAS[n])
                .toList()) {
            out.append("    ").append(extra).append('\n');
        }
    }

    private void dependsOn(StringBuilder out, int i) {
        List<Integer> targets = random.ints(0, i).distinct().limit(1 + random.nextInt(Math.min(i, 3))).boxed().toList();
        if (random.nextBoolean()) {
            out.append("    depends_on: [").append(String.join(", ", targets.stream().map(t -> "s" + t).toList()))
                    .append("]\n");
            return;
        }
        out.append("    depends_on:\n");
        for (int t : targets) {
            out.append("      s").append(t).append(":\n        condition: ").append(pick(CONDITIONS)).append('\n');
            if (random.nextBoolean()) {
                out.append("        restart: true\n");
            }
            if (random.nextInt(4) == 0) {
                out.append("        required: false\n");
            }
        }
    }

    private void list(StringBuilder out, String key, String[] items) {
        out.append("    ").append(key).append(":\n");
        for (String item : some(items)) {
            out.append("      - ").append(item).append('\n');
        }
    }

    private void map(StringBuilder out, String key, String[] entries) {
        out.append("    ").append(key).append(":\n");
        for (String entry : some(entries)) {
            out.append("      ").append(entry).append('\n');
        }
    }

    /** One to three distinct items, in the order of {@code items}. */
    private List<String> some(String[] items) {
        return random.ints(0, items.length).distinct().limit(1 + random.nextInt(3)).sorted()
                .mapToObj(i -> items[i]).toList();
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
