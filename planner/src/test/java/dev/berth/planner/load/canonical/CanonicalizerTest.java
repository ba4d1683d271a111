package dev.berth.planner.load.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.berth.planner.StackException;
import dev.berth.planner.load.CanonicalJson;
import dev.berth.planner.load.yaml.YamlReader;
import dev.berth.planner.tree.Directive;
import dev.berth.planner.tree.Location;
import dev.berth.planner.tree.MapNode;
import dev.berth.planner.tree.SeqNode;

class CanonicalizerTest {

    private static final Path BASE = Path.of("/srv/app");
    private static final Path HOME = Path.of("/home/ann");

    private static MapNode canonical(String text) {
        MapNode doc = new YamlReader().readAll("compose.yaml", text).getFirst();
        return new Canonicalizer().canonicalize(doc, BASE, HOME);
    }

    /** The canonical JSON of {@code key} of service {@code web}, written as {@code web: {key: yaml}}. */
    private static String web(String key, String yaml) {
        MapNode doc = canonical("services:\n  web:\n    " + key + ": " + yaml + "\n");
        return CanonicalJson.compact(((MapNode) ((MapNode) doc.get("services")).get("web")).get(key));
    }

    private static void webRejects(String key, String yaml, String message) {
        assertThatThrownBy(() -> web(key, yaml)).isInstanceOf(StackException.class).hasMessage(message);
    }

    private static String webWith(CanonicalOptions options, String key, String yaml) {
        MapNode doc = new YamlReader().readAll("compose.yaml", "services:\n  web:\n    " + key + ": " + yaml + "\n").getFirst();
        MapNode out = new Canonicalizer().canonicalize(doc, BASE, HOME, options);
        return CanonicalJson.compact(((MapNode) ((MapNode) out.get("services")).get("web")).get(key));
    }

    @Test
    void withoutPathResolution_keepsRelativeAndHomePathsAsWritten() {
        CanonicalOptions keep = new CanonicalOptions(false, false);
        assertThat(webWith(keep, "volumes", "[\"~/cache:/cache\", \"./data:/data\"]")).isEqualTo(
                "[{\"bind\":{\"create_host_path\":true},\"source\":\"~/cache\",\"target\":\"/cache\",\"type\":\"bind\"},"
                        + "{\"bind\":{\"create_host_path\":true},\"source\":\"./data\",\"target\":\"/data\",\"type\":\"bind\"}]");
        assertThat(webWith(keep, "build", "../app")).isEqualTo("{\"context\":\"../app\"}");
    }

    @Test
    void keepUnparsable_keepsAnAttributeThatDoesNotParseBeforeInterpolation() {
        CanonicalOptions lenient = new CanonicalOptions(true, true);
        assertThat(webWith(lenient, "ports", "[\"${P:-80}:80\"]")).isEqualTo("[\"${P:-80}:80\"]");
        assertThat(webWith(lenient, "command", "echo ${A:-a b}")).isEqualTo("\"echo ${A:-a b}\"");
        webRejects("ports", "[\"${P:-80}:80\"]", "compose.yaml:3:13: services.web.ports[0]: Invalid ip address: ${P "
                + "in \"${P:-80}:80\"; expected [[IP:]HOST:]CONTAINER[/PROTOCOL], e.g. \"127.0.0.1:8080:80\"");
    }

    @Test
    void ports_containerOnly() {
        assertThat(web("ports", "[\"3000\"]")).isEqualTo("[{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"target\":3000}]");
    }

    @Test
    void ports_integer() {
        assertThat(web("ports", "[8080]")).isEqualTo("[{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"target\":8080}]");
    }

    @Test
    void ports_containerRangeExpands() {
        assertThat(web("ports", "[\"3000-3002\"]")).isEqualTo("[{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"target\":3000},"
                + "{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"target\":3001},{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"target\":3002}]");
    }

    @Test
    void ports_hostAndContainer() {
        assertThat(web("ports", "[\"8000:8000\"]"))
                .isEqualTo("[{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"published\":\"8000\",\"target\":8000}]");
    }

    @Test
    void ports_pairedRanges() {
        assertThat(web("ports", "[\"9090-9091:8080-8081\"]")).isEqualTo(
                "[{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"published\":\"9090\",\"target\":8080},"
                        + "{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"published\":\"9091\",\"target\":8081}]");
    }

    @Test
    void ports_hostRangeToOneContainerPort() {
        assertThat(web("ports", "[\"8000-9000:80\"]"))
                .isEqualTo("[{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"published\":\"8000-9000\",\"target\":80}]");
    }

    @Test
    void ports_hostIp() {
        assertThat(web("ports", "[\"127.0.0.1:8001:8001\"]")).isEqualTo(
                "[{\"host_ip\":\"127.0.0.1\",\"mode\":\"ingress\",\"protocol\":\"tcp\",\"published\":\"8001\",\"target\":8001}]");
    }

    @Test
    void ports_ipv6HostWithoutBrackets() {
        assertThat(web("ports", "[\"::1:6000:6000\"]")).isEqualTo(
                "[{\"host_ip\":\"::1\",\"mode\":\"ingress\",\"protocol\":\"tcp\",\"published\":\"6000\",\"target\":6000}]");
    }

    @Test
    void ports_ipv6HostInBrackets() {
        assertThat(web("ports", "[\"[::1]:6001:6001\"]")).isEqualTo(
                "[{\"host_ip\":\"::1\",\"mode\":\"ingress\",\"protocol\":\"tcp\",\"published\":\"6001\",\"target\":6001}]");
    }

    @Test
    void ports_protocolLowercased() {
        assertThat(web("ports", "[\"6060:6060/UDP\"]"))
                .isEqualTo("[{\"mode\":\"ingress\",\"protocol\":\"udp\",\"published\":\"6060\",\"target\":6060}]");
    }

    @Test
    void ports_longFormGetsDefaultsAndTypes() {
        assertThat(web("ports", "[{target: \"80\", published: 8080}]"))
                .isEqualTo("[{\"mode\":\"ingress\",\"protocol\":\"tcp\",\"published\":\"8080\",\"target\":80}]");
    }

    @Test
    void ports_invalidIpIsLocated() {
        webRejects("ports", "[\"127.0.1:80:80\"]", "compose.yaml:3:13: services.web.ports[0]: Invalid ip address: 127.0.1 in \"127.0.1:80:80\"; expected [[IP:]HOST:]CONTAINER[/PROTOCOL], e.g. \"127.0.0.1:8080:80\"");
    }

    @Test
    void ports_invalidPortIsLocated() {
        webRejects("ports", "[\"80:http\"]", "compose.yaml:3:13: services.web.ports[0]: invalid port \"http\" in \"80:http\" "
                + "(expected [[IP:]HOST:]CONTAINER[/PROTOCOL] with ports 0-65535)");
    }

    @Test
    void ports_unknownProtocolIsLocated() {
        webRejects("ports", "[\"80/http\"]", "compose.yaml:3:13: services.web.ports[0]: invalid proto: http (expected tcp, udp or sctp)");
    }

    @Test
    void volumes_relativeBindIsResolvedAndCreatesHostPath() {
        assertThat(web("volumes", "[\"./data:/data:ro\"]")).isEqualTo("[{\"bind\":{\"create_host_path\":true},"
                + "\"read_only\":true,\"source\":\"/srv/app/data\",\"target\":\"/data\",\"type\":\"bind\"}]");
    }

    @Test
    void volumes_homeBind() {
        assertThat(web("volumes", "[\"~/mc:/data\"]")).isEqualTo("[{\"bind\":{\"create_host_path\":true},"
                + "\"source\":\"/home/ann/mc\",\"target\":\"/data\",\"type\":\"bind\"}]");
    }

    @Test
    void volumes_bindOptions() {
        assertThat(web("volumes", "[\"/etc/x:/x:rw,Z,rshared\"]")).isEqualTo("[{\"bind\":{\"create_host_path\":true,"
                + "\"propagation\":\"rshared\",\"selinux\":\"Z\"},\"source\":\"/etc/x\",\"target\":\"/x\",\"type\":\"bind\"}]");
    }

    @Test
    void volumes_namedWithNocopy() {
        assertThat(web("volumes", "[\"data:/var/lib:nocopy\"]")).isEqualTo(
                "[{\"source\":\"data\",\"target\":\"/var/lib\",\"type\":\"volume\",\"volume\":{\"nocopy\":true}}]");
    }

    @Test
    void volumes_anonymous() {
        assertThat(web("volumes", "[\"/cache\"]")).isEqualTo("[{\"target\":\"/cache\",\"type\":\"volume\",\"volume\":{}}]");
    }

    @Test
    void volumes_bracedVariableWithColonIsNotSplit() {
        assertThat(VolumeParser.split("${A:-x}:/a")).containsExactly("${A:-x}", "/a");
    }

    @Test
    void volumes_longBindSourceResolved() {
        assertThat(web("volumes", "[{type: bind, source: ../b, target: /b}]"))
                .isEqualTo("[{\"source\":\"/srv/b\",\"target\":\"/b\",\"type\":\"bind\"}]");
    }

    @Test
    void volumes_tmpfsSizeInBytes() {
        assertThat(web("volumes", "[{type: tmpfs, target: /t, tmpfs: {size: 64m}}]"))
                .isEqualTo("[{\"target\":\"/t\",\"tmpfs\":{\"size\":\"67108864\"},\"type\":\"tmpfs\"}]");
    }

    @Test
    void dependsOn_listBecomesMap() {
        assertThat(web("depends_on", "[db]")).isEqualTo("{\"db\":{\"condition\":\"service_started\",\"required\":true}}");
    }

    @Test
    void dependsOn_longFormGetsRequiredDefault_restartLeftForAfterMerge() {
        assertThat(web("depends_on", "{db: {condition: service_healthy}, c: {restart: true, required: false}}"))
                .isEqualTo("{\"c\":{\"condition\":\"service_started\",\"required\":false,\"restart\":true},"
                        + "\"db\":{\"condition\":\"service_healthy\",\"required\":true}}");
    }

    @Test
    void networks_listBecomesMapOfNull() {
        assertThat(web("networks", "[front, back]")).isEqualTo("{\"back\":null,\"front\":null}");
    }

    @Test
    void environment_listBecomesMapOfStrings() {
        assertThat(web("environment", "[A=1, B, C=x=y, D=]")).isEqualTo("{\"A\":\"1\",\"B\":null,\"C\":\"x=y\",\"D\":\"\"}");
    }

    @Test
    void environment_mapValuesBecomeStrings() {
        assertThat(web("environment", "{A: 1, B: true, C: null, D: 1.5}"))
                .isEqualTo("{\"A\":\"1\",\"B\":\"true\",\"C\":null,\"D\":\"1.5\"}");
    }

    @Test
    void environment_keyWithTrailingSpace_isRefusedNamingTheKey() {
        webRejects("environment", "[A=1, \"DEBUG = true\"]",
                "compose.yaml:3:24: services.web.environment[1]: environment variable DEBUG  is declared with a trailing space");
        assertThat(web("environment", "[\"A= 1\", \" B=2\"]")).isEqualTo("{\" B\":\"2\",\"A\":\" 1\"}");
    }

    @Test
    void buildArgs_keyWithTrailingSpace_isRefused() {
        webRejects("build", "{context: ., args: [\"V =1\"]}",
                "compose.yaml:3:32: services.web.build.args[0]: environment variable V  is declared with a trailing space");
    }

    @Test
    void labels_listBecomesMap_aKeyAloneIsEmpty() {
        assertThat(web("labels", "[a=b, c]")).isEqualTo("{\"a\":\"b\",\"c\":\"\"}");
        assertThat(web("labels", "{a: null, b: 1}")).isEqualTo("{\"a\":\"\",\"b\":\"1\"}");
    }

    @Test
    void sysctlsAndAnnotations_aKeyAloneIsEmpty() {
        assertThat(web("sysctls", "[net.core.somaxconn]")).isEqualTo("{\"net.core.somaxconn\":\"\"}");
        assertThat(web("annotations", "{a: null}")).isEqualTo("{\"a\":\"\"}");
    }

    @Test
    void hooks_commandSplitAndEnvironmentAsAService() {
        assertThat(web("post_start", "[{command: \"echo 'a b'\", environment: [A=1, B]}]"))
                .isEqualTo("[{\"command\":[\"echo\",\"a b\"],\"environment\":{\"A\":\"1\",\"B\":null}}]");
        assertThat(web("pre_stop", "[{command: [x], environment: {N: 2}}]"))
                .isEqualTo("[{\"command\":[\"x\"],\"environment\":{\"N\":\"2\"}}]");
        assertThat(web("pre_start", "[{image: busybox}]")).isEqualTo("[{\"image\":\"busybox\"}]");
        webRejects("pre_start", "[{command: \"echo 'a\"}]",
                "compose.yaml:3:27: services.web.pre_start[0].command: unclosed single quote in \"echo 'a\" (close the quote or use the list form)");
    }

    @Test
    void developWatchExec_isAHook() {
        assertThat(web("develop", "{watch: [{path: ., action: sync+exec, target: /a, exec: {command: \"a b\"}}]}"))
                .isEqualTo("{\"watch\":[{\"action\":\"sync+exec\",\"exec\":{\"command\":[\"a\",\"b\"]},"
                        + "\"path\":\".\",\"target\":\"/a\"}]}");
    }

    @Test
    void hooks_commandKeptAsWritten_whenUnparsableIsKept() {
        CanonicalOptions lenient = new CanonicalOptions(true, true);
        assertThat(webWith(lenient, "post_start", "[{command: \"echo ${A:-a b}\"}]"))
                .isEqualTo("[{\"command\":\"echo ${A:-a b}\"}]");
    }

    @Test
    void fileModes_legacyOctalNumberAndTextAreOctal() {
        assertThat(web("secrets", "[{source: a, mode: 0440}, {source: b, mode: \"0640\"}, {source: c, mode: \"400\"}, {source: d, mode: 288}]"))
                .isEqualTo("[{\"mode\":288,\"source\":\"a\"},{\"mode\":416,\"source\":\"b\"},{\"mode\":256,\"source\":\"c\"},"
                        + "{\"mode\":288,\"source\":\"d\"}]");
        assertThat(web("build", "{context: /c, secrets: [{source: a, mode: 0440}]}"))
                .isEqualTo("{\"context\":\"/c\",\"secrets\":[{\"mode\":288,\"source\":\"a\"}]}");
    }

    @Test
    void memSwappiness_isAByteSizeAsComposeReadsIt() {
        assertThat(web("mem_swappiness", "60")).isEqualTo("\"60\"");
    }

    @Test
    void blkioRates_bpsAndIopsAreByteSizes() {
        assertThat(web("blkio_config", "{device_read_bps: [{path: /dev/a, rate: 1k}], device_write_iops: [{path: /dev/a, rate: 100}]}"))
                .isEqualTo("{\"device_read_bps\":[{\"path\":\"/dev/a\",\"rate\":\"1024\"}],"
                        + "\"device_write_iops\":[{\"path\":\"/dev/a\",\"rate\":\"100\"}]}");
    }

    @Test
    void buildAttestations_areText() {
        assertThat(web("build", "{context: /c, sbom: true, provenance: mode=max}"))
                .isEqualTo("{\"context\":\"/c\",\"provenance\":\"mode=max\",\"sbom\":\"true\"}");
    }

    @Test
    void buildSsh_listBecomesMapOfIdToPath() {
        assertThat(web("build", "{context: /c, ssh: [default, key=/k]}"))
                .isEqualTo("{\"context\":\"/c\",\"ssh\":{\"default\":null,\"key\":\"/k\"}}");
    }

    @Test
    void loggingAndDriverOptions_nullIsEmpty() {
        assertThat(web("logging", "{driver: x, options: {a: null, b: 1}}"))
                .isEqualTo("{\"driver\":\"x\",\"options\":{\"a\":\"\",\"b\":\"1\"}}");
    }

    @Test
    void envFile_stringBecomesRequiredAbsoluteEntry() {
        assertThat(web("env_file", ".env")).isEqualTo("[{\"path\":\"/srv/app/.env\",\"required\":true}]");
    }

    @Test
    void envFile_longFormKeepsRequiredAndFormat() {
        assertThat(web("env_file", "[a.env, {path: /b.env, required: false, format: raw}]")).isEqualTo(
                "[{\"path\":\"/srv/app/a.env\",\"required\":true},{\"format\":\"raw\",\"path\":\"/b.env\",\"required\":false}]");
    }

    @Test
    void build_stringBecomesAbsoluteContext() {
        assertThat(web("build", "./api")).isEqualTo("{\"context\":\"/srv/app/api\"}");
    }

    @Test
    void build_remoteContextKept() {
        assertThat(web("build", "{context: \"https://github.com/a/b.git#main\", args: [X=1]}"))
                .isEqualTo("{\"args\":{\"X\":\"1\"},\"context\":\"https://github.com/a/b.git#main\"}");
    }

    @Test
    void secrets_shortBecomesSource() {
        assertThat(web("secrets", "[db_pass, {source: b, target: /b, mode: \"0440\"}]"))
                .isEqualTo("[{\"source\":\"db_pass\"},{\"mode\":288,\"source\":\"b\",\"target\":\"/b\"}]");
    }

    @Test
    void healthcheck_stringTestAndDurations() {
        assertThat(web("healthcheck", "{test: curl -f http://x, interval: 90s, timeout: 1h, start_period: 1500ms}"))
                .isEqualTo("{\"interval\":\"1m30s\",\"start_period\":\"1.5s\",\"test\":[\"CMD-SHELL\",\"curl -f http://x\"],\"timeout\":\"1h0m0s\"}");
    }

    @Test
    void healthcheck_disableBecomesNone() {
        assertThat(web("healthcheck", "{disable: true}")).isEqualTo("{\"test\":[\"NONE\"]}");
    }

    @Test
    void stopGracePeriod_normalised() {
        assertThat(web("stop_grace_period", "1m30s")).isEqualTo("\"1m30s\"");
        assertThat(web("stop_grace_period", "120s")).isEqualTo("\"2m0s\"");
    }

    @Test
    void duration_invalidIsLocated() {
        webRejects("stop_grace_period", "soon",
                "compose.yaml:3:24: services.web.stop_grace_period: \"soon\" is not a duration (write it like 10s, 1m30s or 500ms)");
    }

    @Test
    void byteSizes_becomeBytes_printedAsTextLikeComposeUnitBytes() {
        assertThat(web("shm_size", "64m")).isEqualTo("\"67108864\"");
        assertThat(web("mem_limit", "1gb")).isEqualTo("\"1073741824\"");
        assertThat(web("mem_reservation", "512")).isEqualTo("\"512\"");
    }

    @Test
    void deploy_limitsInBytesAndNumbers() {
        assertThat(web("deploy", "{replicas: 2, resources: {limits: {cpus: \"0.5\", memory: 50M}}, restart_policy: {delay: 5s}}"))
                .isEqualTo("{\"replicas\":2,\"resources\":{\"limits\":{\"cpus\":0.5,\"memory\":\"52428800\"}},\"restart_policy\":{\"delay\":\"5s\"}}");
    }

    @Test
    void command_splitWithShellWords() {
        assertThat(web("command", "sh -c 'echo \"hi there\"' a\\ b \"x\\\"y\""))
                .isEqualTo("[\"sh\",\"-c\",\"echo \\\"hi there\\\"\",\"a b\",\"x\\\"y\"]");
    }

    @Test
    void command_unclosedQuoteIsLocated() {
        webRejects("command", "\"echo 'hi\"", "compose.yaml:3:14: services.web.command: unclosed single quote in \"echo 'hi\" "
                + "(close the quote or use the list form)");
    }

    @Test
    void entrypoint_listKept() {
        assertThat(web("entrypoint", "[a, \"b c\"]")).isEqualTo("[\"a\",\"b c\"]");
    }

    @Test
    void extraHosts_sortedHostEqualsIp() {
        assertThat(web("extra_hosts", "[\"b:10.0.0.2\", \"a=10.0.0.1\"]")).isEqualTo("[\"a=10.0.0.1\",\"b=10.0.0.2\"]");
        assertThat(web("extra_hosts", "{h: [\"1.1.1.1\", \"::1\"]}")).isEqualTo("[\"h=1.1.1.1\",\"h=::1\"]");
    }

    @Test
    void extraHosts_severalAddressesInOneEntry_areOneEntryEach() {
        assertThat(web("extra_hosts", "[\"myhost=0.0.0.1,0.0.0.2\", \"v6:[::1],::2\"]"))
                .isEqualTo("[\"myhost=0.0.0.1\",\"myhost=0.0.0.2\",\"v6=::1\",\"v6=::2\"]");
        assertThat(web("extra_hosts", "{h: \"0.0.0.1,0.0.0.2\"}")).isEqualTo("[\"h=0.0.0.1,0.0.0.2\"]");
    }

    @Test
    void extraHosts_bracketsDroppedAndMissingIpLocated() {
        assertThat(web("extra_hosts", "[\"h=[::1]\"]")).isEqualTo("[\"h=::1\"]");
        webRejects("extra_hosts", "[nohost]", "compose.yaml:3:19: services.web.extra_hosts: invalid additional host, missing IP: nohost");
    }

    @Test
    void models_listBecomesMapOfNull() {
        assertThat(web("models", "[llm]")).isEqualTo("{\"llm\":null}");
    }

    @Test
    void gpus_allBecomesOneRequestForEveryDevice() {
        assertThat(web("gpus", "all")).isEqualTo("[{\"count\":-1}]");
    }

    @Test
    void deviceRequests_countAllIsMinusOne_textIsANumber_optionsAreText() {
        assertThat(web("gpus", "[{driver: nvidia, count: ALL}, {count: \"2\", options: {a: 1, b: null}}]"))
                .isEqualTo("[{\"count\":-1,\"driver\":\"nvidia\"},{\"count\":2,\"options\":{\"a\":\"1\",\"b\":\"\"}}]");
        assertThat(web("deploy", "{resources: {reservations: {devices: [{capabilities: [gpu], count: all}]}}}"))
                .isEqualTo("{\"resources\":{\"reservations\":{\"devices\":[{\"capabilities\":[\"gpu\"],\"count\":-1}]}}}");
        webRejects("gpus", "[{count: some}]",
                "compose.yaml:3:20: services.web.gpus[0].count: invalid value \"some\", the only value allowed is 'all' or a number");
    }

    @Test
    void develop_watchPatternsBecomeLists() {
        assertThat(web("develop", "{watch: [{path: ., action: sync, target: /a, ignore: node_modules}]}"))
                .isEqualTo("{\"watch\":[{\"action\":\"sync\",\"ignore\":[\"node_modules\"],\"path\":\".\",\"target\":\"/a\"}]}");
    }

    @Test
    void topLevel_nameAndExternalNameConflict() {
        assertThatThrownBy(() -> canonical("volumes:\n  v: {name: a, external: {name: b}}\n"))
                .isInstanceOf(StackException.class)
                .hasMessage("compose.yaml:2:33: volumes.v: name and external.name conflict; only use name");
    }

    @Test
    void ulimits_singleStaysANumber_asComposePrintsIt() {
        assertThat(web("ulimits", "{nofile: 1024, nproc: {soft: 1, hard: 2}}"))
                .isEqualTo("{\"nofile\":1024,\"nproc\":{\"hard\":2,\"soft\":1}}");
    }

    @Test
    void tmpfsAndDns_stringBecomesList() {
        assertThat(web("tmpfs", "/run")).isEqualTo("[\"/run\"]");
        assertThat(web("dns", "8.8.8.8")).isEqualTo("[\"8.8.8.8\"]");
    }

    @Test
    void dns_emptyEntriesAreLeftOut() {
        assertThat(web("dns", "\"\"")).isEqualTo("[]");
        assertThat(web("dns", "[\"\", 1.1.1.1, null]")).isEqualTo("[\"1.1.1.1\"]");
    }

    @Test
    void devices_shortBecomesLong() {
        assertThat(web("devices", "[\"/dev/a:/dev/b:r\", /dev/c]")).isEqualTo("[{\"permissions\":\"r\",\"source\":\"/dev/a\","
                + "\"target\":\"/dev/b\"},{\"permissions\":\"rwm\",\"source\":\"/dev/c\",\"target\":\"/dev/c\"}]");
    }

    @Test
    void expose_strings() {
        assertThat(web("expose", "[3000, \"8080-8085/tcp\"]")).isEqualTo("[\"3000\",\"8080-8085/tcp\"]");
    }

    @Test
    void topLevel_nullDefinitionsAndExternalName() {
        MapNode doc = canonical("""
                networks:
                  a:
                  b: {external: {name: real}}
                volumes:
                  v: {labels: [k=v]}
                secrets:
                  s: {file: ./s.txt}
                """);
        assertThat(CanonicalJson.compact(doc)).isEqualTo("{\"networks\":{\"a\":{},\"b\":{\"external\":true,\"name\":\"real\"}},"
                + "\"secrets\":{\"s\":{\"file\":\"/srv/app/s.txt\"}},\"volumes\":{\"v\":{\"labels\":{\"k\":\"v\"}}}}");
    }

    @Test
    void canonicalize_keepsLocationOfShortSyntax() {
        MapNode doc = canonical("services:\n  web:\n    ports: [\"80:80\"]\n");
        SeqNode ports = (SeqNode) ((MapNode) ((MapNode) doc.get("services")).get("web")).get("ports");
        MapNode port = (MapNode) ports.get(0);
        assertThat(port.location()).isEqualTo(new Location("compose.yaml", 3, 13));
        assertThat(port.get("target").location()).isEqualTo(new Location("compose.yaml", 3, 13));
    }

    @Test
    void canonicalize_keepsDirectives() {
        MapNode doc = canonical("services:\n  web:\n    ports: !override [\"80\"]\n    environment: !reset []\n");
        MapNode web = (MapNode) ((MapNode) doc.get("services")).get("web");
        assertThat(web.get("ports").directive()).isEqualTo(Directive.OVERRIDE);
        assertThat(web.get("environment").directive()).isEqualTo(Directive.RESET);
    }

    @Test
    void byteSize_isExact_andOneTooLargeIsALocatedError() {
        assertThat(web("shm_size", "9007199254740993b")).isEqualTo("\"9007199254740993\"");
        webRejects("shm_size", "8192p", "compose.yaml:3:15: services.web.shm_size: \"8192p\" is more than"
                + " 9223372036854775807 bytes, the largest size there is");
        webRejects("shm_size", "lots", "compose.yaml:3:15: services.web.shm_size: \"lots\" is not a size"
                + " (write it like 512m, 1g or a number of bytes)");
    }
}
