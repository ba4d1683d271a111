package dev.berth.engine.volume;

import java.util.HexFormat;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/** Docker's rules for local volume names, and the random names of anonymous volumes. */
public final class VolumeNames {

    /** The characters Docker allows, as its messages quote them. */
    public static final String RESTRICTED_CHARS = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern VALID = Pattern.compile("^" + RESTRICTED_CHARS + "+$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VolumeNames() {
    }

    /**
     * Returns {@code name} if Docker's local driver accepts it.
     *
     * @throws VolumeException with Docker's wording otherwise
     */
    public static String requireValid(String name) {
        if (name != null && name.length() == 1) {
            throw new VolumeException(
                    "volume name is too short, names should be at least two alphanumeric characters");
        }
        if (name == null || !VALID.matcher(name).matches()) {
            throw new VolumeException(quote(name) + " includes invalid characters for a local volume name,"
                    + " only \"" + RESTRICTED_CHARS + "\" are allowed. If you intended to pass a host"
                    + " directory, use absolute path");
        }
        return name;
    }

    /** A new anonymous volume name: 64 random hex digits, like Docker's. */
    public static String anonymous() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String quote(String text) {
        if (text == null) {
            return "\"\"";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
