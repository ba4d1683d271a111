package dev.berth.planner.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.berth.planner.tree.MapNode;

/**
 * berth's configuration hash of a service, stored in the {@code com.docker.compose.config-hash}
 * label to decide whether a container must be recreated: the SHA-256, in lower-case hex, of the
 * service's canonical JSON ({@link CanonicalJson#compact}: keys sorted, no whitespace) after
 * removing {@code build}, {@code pull_policy}, {@code scale}, {@code deploy.replicas},
 * {@code depends_on} and {@code profiles}, which do not change the container itself (and
 * {@code deploy} when nothing else is left in it).
 *
 * <p>The fields left out are Docker Compose's (reference {@code compose.md} §2.2), but Compose hashes
 * its Go structs' JSON, in struct field order, so this hash differs from Docker Compose's: a
 * container made by the other tool is recreated once.
 */
public final class ConfigHash {

    private ConfigHash() {
    }

    /** The hash of one canonical, normalized service definition. */
    public static String of(MapNode service) {
        return sha256(CanonicalJson.compact(hashedPart(service)));
    }

    /** The part of the service the hash covers. */
    public static MapNode hashedPart(MapNode service) {
        MapNode s = service.without("build").without("pull_policy").without("scale")
                .without("depends_on").without("profiles");
        if (s.get("deploy") instanceof MapNode deploy) {
            MapNode rest = deploy.without("replicas");
            // a deploy section that only set replicas must hash like no deploy section
            s = rest.size() == 0 ? s.without("deploy") : s.with("deploy", rest);
        }
        return s;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
