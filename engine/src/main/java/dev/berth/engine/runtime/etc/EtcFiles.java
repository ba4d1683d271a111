package dev.berth.engine.runtime.etc;

import dev.berth.engine.core.EngineException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Generates a container's /etc/hostname, /etc/hosts and /etc/resolv.conf the way Docker 20.10
 * does (moby libnetwork {@code etchosts} and {@code resolvconf}); the runtime bind-mounts them
 * {@code rbind,rprivate} over the image's files.
 */
public final class EtcFiles {

    /** The lines Docker writes before the container's own address, tab-separated. */
    static final String DEFAULT_HOSTS = """
            127.0.0.1\tlocalhost
            ::1\tlocalhost ip6-localhost ip6-loopback
            fe00::0\tip6-localnet
            ff00::0\tip6-mcastprefix
            ff02::1\tip6-allnodes
            ff02::2\tip6-allrouters
            """;

    /**
     * Docker's fallback when the host lists no usable nameserver. berth's containers have no
     * route to the internet by default, so these are written for parity but not reached.
     */
    public static final List<String> DEFAULT_NAMESERVERS = List.of("8.8.8.8", "8.8.4.4");

    private static final Pattern LOCALHOST_NAMESERVER = Pattern.compile(
            "(?m)^nameserver\\s+((127\\.([0-9]{1,3}\\.){2}[0-9]{1,3})|(::1)$)\\s*\\n*");
    private static final Pattern IPV6_NAMESERVER = Pattern.compile(
            "(?m)^nameserver\\s+([0-9A-Fa-f]{0,4}:){2,7}([0-9A-Fa-f]{0,4})(%\\w+)?\\s*\\n*");
    private static final Path HOST_RESOLV_CONF = Path.of("/etc/resolv.conf");
    private static final Path RESOLVED_UPSTREAM = Path.of("/run/systemd/resolve/resolv.conf");

    /** Where the three generated files of a container lie. */
    public record Paths(Path hostname, Path hosts, Path resolvConf) {
    }

    private EtcFiles() {
    }

    /** /etc/hostname: the name and a newline. */
    public static String hostname(String hostname) {
        return hostname + "\n";
    }

    /** /etc/hosts: localhost and Docker's ip6 lines, then {@code <ip>\t<hostname>} when an IP is known. */
    public static String hosts(String hostname, Optional<String> ip) {
        return DEFAULT_HOSTS + ip.map(address -> address + "\t" + hostname + "\n").orElse("");
    }

    /**
     * /etc/resolv.conf from the host's: localhost nameservers removed (they are unreachable
     * from another network namespace), IPv6 nameservers too unless {@code ipv6}; when no
     * nameserver is left, Docker's public defaults are appended exactly as 20.10 appends them.
     */
    public static String resolvConf(String hostResolvConf, boolean ipv6) {
        String cleaned = LOCALHOST_NAMESERVER.matcher(hostResolvConf).replaceAll("");
        if (!ipv6) {
            cleaned = IPV6_NAMESERVER.matcher(cleaned).replaceAll("");
        }
        if (nameservers(cleaned).isEmpty()) {
            StringBuilder defaults = new StringBuilder(cleaned);
            for (String server : DEFAULT_NAMESERVERS) {
                defaults.append('\n').append("nameserver ").append(server);
            }
            cleaned = defaults.toString();
        }
        return cleaned;
    }

    /**
     * /etc/resolv.conf naming berth's DNS server for a user-defined network, as Docker does with
     * 127.0.0.11: the host's {@code search} line is kept and {@code options ndots:0} added.
     */
    public static String resolvConfWithNameserver(String hostResolvConf, String nameserver) {
        StringBuilder out = new StringBuilder();
        out.append("nameserver ").append(nameserver).append('\n');
        for (String line : hostResolvConf.split("\n")) {
            if (line.strip().startsWith("search ")) {
                out.append(line.strip()).append('\n');
            }
        }
        return out.append("options ndots:0\n").toString();
    }

    /** The nameserver addresses a resolv.conf text lists, comments ignored. */
    public static List<String> nameservers(String resolvConf) {
        return resolvConf.lines().map(line -> line.replaceAll("[#;].*", "").strip())
                .map(line -> line.split("\\s+"))
                .filter(fields -> fields.length >= 2 && fields[0].equals("nameserver"))
                .map(fields -> fields[1]).toList();
    }

    /**
     * The host file to derive from: systemd-resolved's upstream list when /etc/resolv.conf only
     * names its 127.0.0.53 stub, as Docker does.
     */
    public static Path hostResolvConfPath() {
        try {
            if (Files.isReadable(RESOLVED_UPSTREAM)
                    && nameservers(Files.readString(HOST_RESOLV_CONF)).equals(List.of("127.0.0.53"))) {
                return RESOLVED_UPSTREAM;
            }
        } catch (IOException e) {
            return HOST_RESOLV_CONF;
        }
        return HOST_RESOLV_CONF;
    }

    /**
     * Writes the three files into {@code containerDir} (mode 0644, each atomically) and returns
     * their paths for the launcher's bind mounts.
     */
    public static Paths write(Path containerDir, String hostname, String hosts, String resolvConf) {
        Paths paths = new Paths(containerDir.resolve("hostname"), containerDir.resolve("hosts"),
                containerDir.resolve("resolv.conf"));
        writeAtomically(paths.hostname(), hostname);
        writeAtomically(paths.hosts(), hosts);
        writeAtomically(paths.resolvConf(), resolvConf);
        return paths;
    }

    private static void writeAtomically(Path target, String content) {
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new EngineException("write " + target + " for the container: " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the move succeeded or the write failed already; nothing more to report
            }
        }
    }
}
