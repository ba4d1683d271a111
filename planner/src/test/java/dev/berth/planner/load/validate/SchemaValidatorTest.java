package dev.berth.planner.load.validate;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.berth.planner.StackException;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.MapNode;

class SchemaValidatorTest {

    private static final SchemaValidator VALIDATOR = new SchemaValidator();

    private static MapNode yaml(String text) {
        return new YamlReader().readAll("compose.yaml", text).getFirst();
    }

    private static void rejects(String text, String message) {
        assertThatThrownBy(() -> VALIDATOR.validate(yaml(text)))
                .isInstanceOf(StackException.class)
                .hasMessage(message);
    }

    @Test
    void validate_acceptsShortAndLongForms() {
        String text = """
                name: demo
                x-common: &c {image: busybox}
                services:
                  web:
                    image: nginx
                    x-note: kept
                    ports: ["80:80", 8080, {target: 80, published: "8000-8001", protocol: tcp, mode: host}]
                    volumes: ["./a:/a:ro", {type: bind, source: ./b, target: /b, bind: {create_host_path: true}}]
                    depends_on: {db: {condition: service_healthy, restart: true}}
                    environment: [A=1, B]
                    build: {context: ., args: {X: 1}}
                    healthcheck: {test: curl -f localhost, interval: 10s, retries: 3}
                    deploy: {replicas: 2, resources: {limits: {cpus: "0.5", memory: 50M}}}
                    ulimits: {nofile: {soft: 1, hard: 2}, nproc: 65535}
                    networks: {front: {aliases: [w]}, back: null}
                  db:
                    image: postgres
                    depends_on: [cache]
                  cache: {image: redis}
                networks: {front: {driver: bridge}, back: {external: true}}
                volumes: {data: null, other: {name: x}}
                secrets: {pw: {file: ./pw.txt}}
                configs: {cfg: {content: hello}}
                """;
        assertThatCode(() -> VALIDATOR.validate(yaml(text))).doesNotThrowAnyException();
    }

    @Test
    void validate_rejectsMisspeltTopLevelKey() {
        rejects("servces:\n  web: {image: a}\n",
                "compose.yaml:1:1: unknown top-level key \"servces\"; did you mean \"services\"?");
    }

    @Test
    void validate_rejectsMisspeltServiceKey() {
        rejects("services:\n  web:\n    image: a\n    portz: [\"80\"]\n",
                "compose.yaml:4:5: services.web: unknown key \"portz\"; did you mean \"ports\"?");
    }

    @Test
    void validate_rejectsMisspeltBuildKey() {
        rejects("services:\n  web:\n    build:\n      contxt: .\n",
                "compose.yaml:4:7: services.web.build: unknown key \"contxt\"; did you mean \"context\"?");
    }

    @Test
    void validate_rejectsMisspeltDeployKey() {
        rejects("services:\n  web:\n    image: a\n    deploy:\n      replica: 2\n",
                "compose.yaml:5:7: services.web.deploy: unknown key \"replica\"; did you mean \"replicas\"?");
    }

    @Test
    void validate_rejectsMisspeltDeployLimitsKey() {
        rejects("services:\n  web:\n    image: a\n    deploy:\n      resources:\n        limits:\n          memroy: 1g\n",
                "compose.yaml:7:11: services.web.deploy.resources.limits: unknown key \"memroy\"; did you mean \"memory\"?");
    }

    @Test
    void validate_rejectsMisspeltHealthcheckKey() {
        rejects("services:\n  web:\n    image: a\n    healthcheck:\n      intervall: 5s\n",
                "compose.yaml:5:7: services.web.healthcheck: unknown key \"intervall\"; did you mean \"interval\"?");
    }

    @Test
    void validate_rejectsMisspeltNetworkKey() {
        rejects("networks:\n  front:\n    drivr: bridge\n",
                "compose.yaml:3:5: networks.front: unknown key \"drivr\"; did you mean \"driver\"?");
    }

    @Test
    void validate_rejectsMisspeltVolumeKey() {
        rejects("volumes:\n  data:\n    externl: true\n",
                "compose.yaml:3:5: volumes.data: unknown key \"externl\"; did you mean \"external\"?");
    }

    @Test
    void validate_rejectsMisspeltLongPortKey() {
        rejects("services:\n  web:\n    image: a\n    ports:\n      - targt: 80\n",
                "compose.yaml:5:9: services.web.ports[0]: unknown key \"targt\"; did you mean \"target\"?");
    }

    @Test
    void validate_rejectsMisspeltLongVolumeKey() {
        rejects("services:\n  web:\n    image: a\n    volumes:\n      - type: bind\n        source: .\n        taget: /a\n",
                "compose.yaml:7:9: services.web.volumes[0]: unknown key \"taget\"; did you mean \"target\"?");
    }

    @Test
    void validate_mergesExpectedTypesOfAllBranches() {
        rejects("services:\n  web:\n    image: a\n    ports:\n      - [80]\n",
                "compose.yaml:5:9: services.web.ports[0]: expected a string, a number or a mapping, found a sequence");
    }

    @Test
    void validate_reportsWrongScalarType() {
        rejects("services:\n  web:\n    image: a\n    privileged: maybe\n",
                "compose.yaml:4:17: services.web.privileged: expected a boolean, found a string");
    }

    @Test
    void validate_reportsEnumValue() {
        rejects("services:\n  web:\n    image: a\n    depends_on:\n      db: {condition: service_ready}\n",
                "compose.yaml:5:23: services.web.depends_on.db.condition: expected one of service_started, "
                        + "service_healthy, service_completed_successfully, found \"service_ready\"");
    }

    @Test
    void validate_reportsMissingRequiredKey() {
        rejects("services:\n  web:\n    image: a\n    depends_on:\n      db: {restart: true}\n",
                "compose.yaml:5:11: services.web.depends_on.db: missing required key \"condition\"");
    }

    @Test
    void validate_preStartHookNeedsNoCommand_otherHooksDo() {
        assertThatCode(() -> VALIDATOR.validate(yaml("services:\n  web:\n    image: a\n    pre_start: [{image: b}]\n")))
                .doesNotThrowAnyException();
        rejects("services:\n  web:\n    image: a\n    post_start: [{user: root}]\n",
                "compose.yaml:4:18: services.web.post_start[0]: missing required key \"command\"");
        rejects("services:\n  web:\n    image: a\n    post_start: [{command: x, image: b}]\n",
                "compose.yaml:4:31: services.web.post_start[0]: unknown key \"image\" (allowed: command, environment, "
                        + "privileged, user, working_dir, or an x- extension)");
    }

    @Test
    void validate_reportsInvalidServiceName() {
        rejects("services:\n  \"my app\": {image: a}\n",
                "compose.yaml:2:3: services: invalid name \"my app\" (names must match ^[a-zA-Z0-9._-]+$)");
    }

    @Test
    void validate_reportsUnknownKeyWithoutCloseMatch() {
        rejects("secrets:\n  pw:\n    zzzzzzzz: 1\n",
                "compose.yaml:3:5: secrets.pw: unknown key \"zzzzzzzz\" (allowed: driver, driver_opts, environment, "
                        + "external, file, labels, name, template_driver, or an x- extension)");
    }

    @Test
    void validate_reportsTypeOfListItem() {
        rejects("services:\n  web:\n    image: a\n    expose:\n      - {port: 80}\n",
                "compose.yaml:5:9: services.web.expose[0]: expected a string or a number, found a mapping");
    }

    @Test
    void validate_prefersTheBranchMatchingTheValuesKind() {
        rejects("services:\n  web:\n    build:\n      context: 1\n",
                "compose.yaml:4:16: services.web.build.context: expected a string, found a number");
    }

    @Test
    void validate_reportsNullService() {
        rejects("services:\n  web:\n", "compose.yaml:2:7: services.web: expected a mapping, found null");
    }

    @Test
    void validate_acceptsExtensionsEverywhereTheSpecAllows() {
        String text = """
                x-top: 1
                services:
                  web:
                    image: a
                    x-s: 1
                    build: {context: ., x-b: 1}
                    deploy: {x-d: 1, resources: {x-r: 1, limits: {x-l: 1}}}
                    healthcheck: {x-h: 1}
                    ports: [{target: 80, x-p: 1}]
                    volumes: [{type: volume, target: /v, x-v: 1}]
                networks: {n: {x-n: 1}}
                volumes: {v: {x-v: 1}}
                """;
        assertThatCode(() -> VALIDATOR.validate(yaml(text))).doesNotThrowAnyException();
    }

    @Test
    void validate_reportsNumberBelowMinimum() {
        rejects("services:\n  web:\n    image: a\n    scale: -1\n",
                "compose.yaml:4:12: services.web.scale: must be 0 or more, found -1");
    }

    @Test
    void validate_reportsTextNotMatchingPattern() {
        rejects("services:\n  web:\n    image: a\n    container_name: -web\n",
                "compose.yaml:4:21: services.web.container_name: \"-web\" does not match ^[a-zA-Z0-9][a-zA-Z0-9_.-]+$");
    }

    @Test
    void validate_reportsDuplicateItems() {
        rejects("services:\n  web:\n    image: a\n    profiles: [debug, debug]\n",
                "compose.yaml:4:15: services.web.profiles: contains duplicate entries; list each value once");
    }

    @Test
    void validate_takesAWholeNumberWrittenWithAFractionAsAnInteger() {
        assertThatCode(() -> VALIDATOR.validate(yaml("services:\n  web:\n    image: a\n    scale: 2.0\n")))
                .doesNotThrowAnyException();
        rejects("services:\n  web:\n    image: a\n    scale: 2.5\n",
                "compose.yaml:4:12: services.web.scale: expected a whole number, found 2.5");
    }
}
