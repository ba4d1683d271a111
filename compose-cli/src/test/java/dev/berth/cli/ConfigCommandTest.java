package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees from {@code berth config}: exit codes, exact error lines, output files and formats. */
class ConfigCommandTest {

    private static final Path QUICKSTART = Path.of("../examples/quickstart").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void config_undefinedService_exitsOneWithOneLocatedLine() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx\n    depends_on: [db]\n");
        BerthRun run = BerthRun.run(dir, "config");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo(dir.resolve("compose.yaml")
                + ":4:18: service \"web\" depends on undefined service \"db\": invalid compose project\n");
    }

    @Test
    void config_misspeltKey_exitsOneWithPathAndHint() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx\n    helthcheck:\n      test: [CMD, 'true']\n");
        BerthRun run = BerthRun.run(dir, "config");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo(dir.resolve("compose.yaml")
                + ":4:5: services.web: unknown key \"helthcheck\"; did you mean \"healthcheck\"?\n");
    }

    @Test
    void config_yamlSyntaxError_exitsOneWithoutStackTrace() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: [nginx\n");
        BerthRun run = BerthRun.run(dir, "config");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1);
        assertThat(run.err()).startsWith(dir.resolve("compose.yaml") + ":4:1: invalid YAML: ")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void config_debug_showsTheStackTrace() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx\n    depends_on: [db]\n");
        BerthRun run = BerthRun.run(dir, "--debug", "config");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("dev.berth.planner.StackException").contains("\tat ");
    }

    @Test
    void config_noStackFile_saysWhereItLooked() {
        BerthRun run = BerthRun.run(dir, "config");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("no configuration file provided: not found (looked for compose.yaml, "
                + "compose.yml, docker-compose.yml, docker-compose.yaml in " + dir.toAbsolutePath().normalize()
                + " and its parents; name one with -f)\n");
    }

    @Test
    void config_quiet_validValidatesAndPrintsNothing() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx\n");
        BerthRun run = BerthRun.run(dir, "config", "-q");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void config_output_writesTheModelToTheFile() throws IOException {
        write("compose.yaml", "name: p\nservices:\n  web:\n    image: nginx\n");
        BerthRun run = BerthRun.run(dir, "config", "-o", "out.yaml");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(dir.resolve("out.yaml"))).isEqualTo("""
                name: p
                networks:
                  default:
                    name: p_default
                services:
                  web:
                    image: nginx
                    networks:
                      default: null
                """);
    }

    @Test
    void config_json_keysSortedIndentedByTwo() throws IOException {
        write("compose.yaml", "services:\n  web:\n    ports: ['8080:80']\n    image: nginx\n");
        BerthRun run = BerthRun.run(dir, Map.of(), "", List.of("config", "--format", "json", "-p", "p"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                {
                  "name": "p",
                  "networks": {
                    "default": {
                      "name": "p_default"
                    }
                  },
                  "services": {
                    "web": {
                      "image": "nginx",
                      "networks": {
                        "default": null
                      },
                      "ports": [
                        {
                          "mode": "ingress",
                          "protocol": "tcp",
                          "published": "8080",
                          "target": 80
                        }
                      ]
                    }
                  }
                }
                """);
    }

    @Test
    void config_unsupportedFormat_exitsOne() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx\n");
        BerthRun run = BerthRun.run(dir, "config", "--format", "toml");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("unsupported format \"toml\" (expected yaml or json)\n");
    }

    @Test
    void config_variablesUnknownFormat_exitsOneWithComposesMessage() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n");
        BerthRun run = BerthRun.run(dir, "config", "--variables", "--format", "xml");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).isEqualTo("format value \"xml\" could not be parsed: parsing failed\n");
    }

    @Test
    void config_variables_skipsSchemaValidation_ofTheUninterpolatedModel() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx\n    scale: ${SCALE:-2}\n");
        BerthRun run = BerthRun.run(dir, "config", "--variables", "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("\"DefaultValue\": \"2\"");
    }

    @Test
    void config_variablesQuiet_printsNothing() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n");
        BerthRun run = BerthRun.run(dir, "config", "--variables", "-q");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEmpty();
    }

    @Test
    void config_unknownFlag_exitsOneWithUsageHint() {
        BerthRun run = BerthRun.run(dir, "config", "--bogus");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("berth: Unknown option: '--bogus'\nRun 'berth config --help' for usage.\n");
    }

    @Test
    void config_unsetVariable_warnsOnStandardErrorInComposesForm() throws IOException {
        write("compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n");
        BerthRun run = BerthRun.run(dir, "config", "-q");
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEqualTo("WARN[0000] The \"TAG\" variable is not set. Defaulting to a blank string.\n");
    }

    @Test
    void config_quickstartExample_loads() {
        BerthRun run = BerthRun.run(dir, "config", "-f", QUICKSTART.resolve("compose.yaml").toString(), "--services");
        assertThat(run.err()).isEmpty();
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("api\nweb\n");
    }
}
