package dev.berth.cli.clients;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The docker CLI the machine ships, driving {@code berth engine serve} as it drives dockerd; every
 * JSON response it receives is checked against {@code schemas/engine-api.yaml} when the class ends.
 */
class DockerCliIT {

    @RegisterExtension
    static final BerthDaemon DAEMON = new BerthDaemon();

    private DockerCli docker;

    @BeforeEach
    void client() throws Exception {
        docker = new DockerCli(DAEMON.host(), DAEMON.folder().resolve("docker-config"));
    }

    @Test
    void versionAndInfo_nameBerthsEngine() throws Exception {
        assertThat(docker.ok("version", "--format", "{{.Server.APIVersion}} {{.Server.Os}}")).isEqualTo("1.44 linux\n");
        assertThat(docker.ok("info", "--format", "{{.OSType}} {{.Driver}}")).isEqualTo("linux overlay2\n");
    }

    @Test
    void volumes_areCreatedListedInspectedAndRemoved() throws Exception {
        assertThat(docker.ok("volume", "create", "--label", "suite=cli", "cli-data")).isEqualTo("cli-data\n");
        assertThat(docker.ok("volume", "ls", "-q", "--filter", "label=suite=cli")).isEqualTo("cli-data\n");
        assertThat(docker.ok("volume", "inspect", "--format", "{{.Driver}} {{.Labels}}", "cli-data"))
                .isEqualTo("local map[suite:cli]\n");
        assertThat(docker.ok("volume", "rm", "cli-data")).isEqualTo("cli-data\n");
        assertThat(docker.fails("volume", "inspect", "cli-data")).contains("get cli-data: no such volume");
    }
}
