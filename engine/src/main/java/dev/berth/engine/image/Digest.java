package dev.berth.engine.image;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import dev.berth.engine.core.EngineException;

/**
 * A content digest {@code sha256:<64 hex>} (OCI image-spec {@code descriptor.md#digests}); only
 * sha256 is supported.
 *
 * @param hex the 64 lower-case hex digits
 */
public record Digest(String hex) {

    private static final Pattern HEX = Pattern.compile("[a-f0-9]{64}");

    public Digest {
        if (!HEX.matcher(hex).matches()) {
            throw new EngineException("invalid digest \"sha256:" + hex + "\": expected 64 lower-case hex digits");
        }
    }

    /** Parses {@code sha256:<hex>}. */
    public static Digest parse(String text) {
        if (!text.startsWith("sha256:")) {
            throw new EngineException("invalid digest \"" + text + "\": expected sha256:<64 hex digits>");
        }
        String hex = text.substring("sha256:".length());
        if (!HEX.matcher(hex).matches()) {
            throw new EngineException("invalid digest \"" + text + "\": expected sha256:<64 hex digits>");
        }
        return new Digest(hex);
    }

    /** Whether {@code text} is a well-formed digest. */
    public static boolean isDigest(String text) {
        return text.startsWith("sha256:") && HEX.matcher(text.substring(7)).matches();
    }

    /** The digest of {@code bytes}. */
    public static Digest of(byte[] bytes) {
        return fromDigester(sha256(bytes));
    }

    /** The digest of a string's UTF-8 bytes. */
    public static Digest of(String text) {
        return of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A new sha256 digester. */
    public static MessageDigest newDigester() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest a digester computed so far (the digester is reset). */
    public static Digest fromDigester(MessageDigest digester) {
        return new Digest(HexFormat.of().formatHex(digester.digest()));
    }

    private static MessageDigest sha256(byte[] bytes) {
        MessageDigest d = newDigester();
        d.update(bytes);
        return d;
    }

    /** The first 12 hex digits, as Docker shows IDs. */
    public String shortHex() {
        return hex.substring(0, 12);
    }

    @Override
    public String toString() {
        return "sha256:" + hex;
    }
}
