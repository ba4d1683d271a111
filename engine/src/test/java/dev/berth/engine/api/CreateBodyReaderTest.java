package dev.berth.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.berth.engine.RunRequest;
import dev.berth.engine.core.Healthcheck;
import dev.berth.engine.core.RestartPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The create body as clients send it, with nulls and zero values, and Docker-shaped refusals. */
class CreateBodyReaderTest {

    /** What the docker CLI 28 sends for {@code docker create -e A=1 -l k=v busybox sh}: mostly zero values. */
    private static final String CLI_BODY = """
            {"Hostname":"","Domainname":"","User":"","AttachStdin":false,"AttachStdout":true,"AttachStderr":true,
             "Tty":false,"OpenStdin":false,"StdinOnce":false,"Env":["A=1"],"Cmd":["sh"],"Image":"busybox",
             "Volumes":{},"WorkingDir":"","Entrypoint":null,"OnBuild":null,"Labels":{"k":"v"},
             "HostConfig":{"Binds":null,"ContainerIDFile":"","LogConfig":{"Type":"","Config":{}},"NetworkMode":"default",
               "PortBindings":{},"RestartPolicy":{"Name":"no","MaximumRetryCount":0},"AutoRemove":false,
               "VolumeDriver":"","VolumesFrom":null,"ConsoleSize":[30,120],"CapAdd":null,"CapDrop":null,
               "CgroupnsMode":"","Dns":[],"DnsOptions":[],"DnsSearch":[],"ExtraHosts":null,"GroupAdd":null,
               "IpcMode":"","Cgroup":"","Links":null,"OomScoreAdj":0,"PidMode":"","Privileged":false,
               "PublishAllPorts":false,"ReadonlyRootfs":false,"SecurityOpt":null,"UTSMode":"","UsernsMode":"",
               "ShmSize":0,"Isolation":"","CpuShares":0,"Memory":0,"NanoCpus":0,"CgroupParent":"",
               "BlkioWeight":0,"BlkioWeightDevice":[],"CpuPeriod":0,"CpuQuota":0,"CpuRealtimePeriod":0,
               "CpusetCpus":"","CpusetMems":"","Devices":[],"DeviceCgroupRules":null,"DeviceRequests":null,
               "MemoryReservation":0,"MemorySwap":0,"MemorySwappiness":null,"OomKillDisable":null,"PidsLimit":null,
               "Ulimits":[],"CpuCount":0,"CpuPercent":0,"IOMaximumIOps":0,"IOMaximumBandwidth":0,
               "MaskedPaths":null,"ReadonlyPaths":null,"Init":null},
             "NetworkingConfig":{"EndpointsConfig":{"default":{"IPAMConfig":null,"Links":null,"Aliases":null,
               "MacAddress":"","DriverOpts":null,"NetworkID":"","EndpointID":"","Gateway":"","IPAddress":""}}}}
            """;

    @Test
    void cliBody_withZeroValues_readsAsWhatWasGiven() {
        RunRequest r = read(CLI_BODY, "web");

        assertThat(r.image()).isEqualTo("busybox");
        assertThat(r.name()).isEqualTo("web");
        assertThat(r.command()).containsExactly("sh");
        assertThat(r.entrypoint()).isNull();
        assertThat(r.env()).containsExactly("A=1");
        assertThat(r.labels()).isEqualTo(Map.of("k", "v"));
        assertThat(r.restartPolicy()).isEqualTo(RestartPolicy.NO);
        assertThat(r.user()).isNull();
        assertThat(r.mounts()).isEmpty();
        assertThat(r.healthcheck()).isNull();
    }

    @Test
    void fullBody_mapsEveryField() {
        RunRequest r = read("""
                {"Image":"bb","Cmd":"echo hi","Entrypoint":[""],"User":"1000","WorkingDir":"/w","Hostname":"h",
                 "Domainname":"example.org","Tty":true,"OpenStdin":true,"StdinOnce":true,
                 "ExposedPorts":{"80/tcp":{}},"StopSignal":"SIGINT","StopTimeout":3,
                 "Healthcheck":{"Test":["CMD","true"],"Interval":2000000000,"Retries":4},
                 "HostConfig":{"Binds":["/srv:/srv:ro"],"Tmpfs":{"/run":"size=1m"},"Memory":1048576,
                   "PidsLimit":-1,"CapAdd":["NET_ADMIN"],"CapDrop":["MKNOD"],"Init":true,"ReadonlyRootfs":true,
                   "Ulimits":[{"Name":"nofile","Soft":10,"Hard":20}],"Sysctls":{"net.ipv4.ip_forward":"1"},
                   "LogConfig":{"Type":"json-file","Config":{"max-size":"1m","max-file":"2"}},
                   "RestartPolicy":{"Name":"on-failure","MaximumRetryCount":3},"NetworkMode":"none",
                   "Mounts":[{"Type":"volume","Source":"data","Target":"/data","VolumeOptions":{"NoCopy":true}},
                             {"Type":"tmpfs","Target":"/scratch","TmpfsOptions":{"SizeBytes":65536,"Mode":448}}]}}
                """, null);

        assertThat(r.command()).containsExactly("echo hi");
        assertThat(r.entrypoint()).isEmpty();
        assertThat(r.user()).isEqualTo("1000");
        assertThat(r.domainname()).isEqualTo("example.org");
        assertThat(r.tty() && r.openStdin() && r.stdinOnce()).isTrue();
        assertThat(r.exposedPorts()).containsExactly("80/tcp");
        assertThat(r.stopSignal()).isEqualTo("SIGINT");
        assertThat(r.stopTimeout()).isEqualTo(3);
        assertThat(r.healthcheck()).isEqualTo(new Healthcheck(List.of("CMD", "true"), Duration.ofSeconds(2),
                Duration.ZERO, Duration.ZERO, Duration.ZERO, 4));
        assertThat(r.mounts()).hasSize(4);
        assertThat(r.limits().memoryBytes()).isEqualTo(1048576);
        assertThat(r.limits().pidsLimit()).isEqualTo(-1);
        assertThat(r.ulimits()).hasSize(1);
        assertThat(r.log().maxFile()).isEqualTo(2);
        assertThat(r.restartPolicy()).isEqualTo(new RestartPolicy("on-failure", 3));
        assertThat(r.init() && r.readOnly()).isTrue();
    }

    @Test
    void unsupportedHostConfigField_withAValue_isRefusedByName() {
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"CpuShares\":512}}",
                "HostConfig.CpuShares 512 is not supported by berth: it would have no effect, so it is refused;"
                        + " leave it out");
        assertRefused("{\"Image\":\"bb\",\"MacAddress\":\"02:42:ac:11:00:02\"}",
                "MacAddress \"02:42:ac:11:00:02\" is not supported by berth: it would have no effect, so it is"
                        + " refused; leave it out");
    }

    @Test
    void publishedPorts_areRefusedUntilNetworksExist() {
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"PortBindings\":{\"80/tcp\":[{\"HostIp\":\"\",\"HostPort\":\"\"}]}}}",
                "published ports need berth networks, not yet served");
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"PublishAllPorts\":true}}",
                "published ports need berth networks, not yet served");
    }

    @Test
    void networkModeOrEndpoint_ofANetwork_isRefused() {
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"NetworkMode\":\"host\"}}",
                "HostConfig.NetworkMode \"host\" is not supported by berth: networks are not served yet; use"
                        + " default, bridge or none");
        assertRefused("{\"Image\":\"bb\",\"NetworkingConfig\":{\"EndpointsConfig\":{\"p_default\":{}}}}",
                "NetworkingConfig.EndpointsConfig.p_default {…} is not supported by berth: networks are not"
                        + " served yet; leave it out");
    }

    @Test
    void otherLogDriversMountTypesAndSwappiness_areRefusedWithTheReason() {
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"LogConfig\":{\"Type\":\"syslog\"}}}",
                "HostConfig.LogConfig.Type \"syslog\" is not supported by berth: containers log to json-file");
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"Mounts\":[{\"Type\":\"npipe\",\"Target\":\"/p\"}]}}",
                "HostConfig.Mounts[0].Type \"npipe\" is not supported by berth: berth mounts bind, volume and"
                        + " tmpfs only");
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"MemorySwappiness\":60}}",
                "HostConfig.MemorySwappiness 60 is not supported by berth: berth leaves the kernel's swappiness;"
                        + " leave it out");
    }

    @Test
    void autoRemove_withARestartPolicy_isRefusedAsDockerDoes() {
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"AutoRemove\":true,\"RestartPolicy\":{\"Name\":\"always\"}}}",
                "can't create 'AutoRemove' container with restart policy");
    }

    @Test
    void malformedFields_nameTheField() {
        assertRefused("{\"Image\":\"bb\",\"Env\":[1]}", "invalid JSON: Env must be a list of strings");
        assertRefused("{\"Image\":\"bb\",\"HostConfig\":{\"Memory\":\"1g\"}}",
                "invalid JSON: HostConfig.Memory must be an integer");
        assertRefused("{\"Cmd\":[\"true\"]}", "Config.Image is empty: name the image to create the container from");
    }

    private static RunRequest read(String json, String name) {
        return CreateBodyReader.read(tree(json), name);
    }

    private static void assertRefused(String json, String message) {
        assertThatThrownBy(() -> read(json, null)).isInstanceOf(ApiException.class)
                .hasMessage(message).extracting(e -> ((ApiException) e).status()).isEqualTo(400);
    }

    private static JsonNode tree(String json) {
        try {
            return ApiJson.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
