package dev.berth.cli;

import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Strings and map key order as Go's {@code gopkg.in/yaml.v3} writes them, which Docker Compose's
 * {@code config --variables --format yaml} output uses.
 *
 * <p>A string is written plain when it would read back as a string and plain style allows it; a
 * string that would read back as something else (null, a boolean, YAML 1.1's {@code yes}/{@code on}
 * and friends, a number, a timestamp, a base-60 float) is double-quoted; one that plain style
 * cannot hold (indicators, leading or trailing spaces, {@code " #"}, {@code ": "}) is
 * single-quoted, or double-quoted when it has characters single quotes cannot hold. The
 * resolution rules are an approximation of yaml.v3's {@code resolve}: the forms listed here.
 */
final class GoYamlText {

    private static final Set<String> NOT_STRINGS = Set.of("", "~", "null", "Null", "NULL",
            "true", "True", "TRUE", "false", "False", "FALSE",
            "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
            "on", "On", "ON", "off", "Off", "OFF",
            ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF", ".nan", ".NaN", ".NAN");

    /** Numbers (Go's ParseInt with base prefixes, yaml.v3's float form), timestamps and base-60 floats. */
    private final Pattern numberLike = Pattern.compile("[-+]?(?:0[xX][0-9a-fA-F]+|0[oO]?[0-7]+|0[bB][01]+"
            + "|(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)"
            + "|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt ].*)?"
            + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");

    /** yaml.v3's map key order: see {@link #keyLess}. */
    static final Comparator<String> KEY_ORDER = (a, b) -> keyLess(a, b) ? -1 : keyLess(b, a) ? 1 : 0;

    /** {@code s} as a YAML scalar. */
    String scalar(String s) {
        if (readsAsOtherThanString(s)) {
            return doubleQuoted(s);
        }
        if (plainAllowed(s)) {
            return s;
        }
        return singleQuotedAllowed(s) ? "'" + s.replace("'", "''") + "'" : doubleQuoted(s);
    }

    private boolean readsAsOtherThanString(String s) {
        if (NOT_STRINGS.contains(s)) {
            return true;
        }
        // yaml.v3 tries numbers and timestamps only for text starting like one.
        return "+-.0123456789".indexOf(s.charAt(0)) >= 0
                && (numberLike.matcher(s).matches() || numberLike.matcher(s.replace("_", "")).matches());
    }

    /** libyaml's plain-scalar analysis for block context. */
    private static boolean plainAllowed(String s) {
        if (s.startsWith(" ") || s.endsWith(" ") || !singleQuotedAllowed(s)) {
            return false;
        }
        if ((s.startsWith("---") || s.startsWith("...")) && (s.length() == 3 || s.charAt(3) == ' ')) {
            return false;
        }
        char first = s.charAt(0);
        boolean followedByBlank = s.length() == 1 || s.charAt(1) == ' ';
        if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0 || ("-?:".indexOf(first) >= 0 && followedByBlank)) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean blankAfter = i + 1 == s.length() || s.charAt(i + 1) == ' ';
            if ((c == ':' && blankAfter) || (c == '#' && s.charAt(i - 1) == ' ')) {
                return false;
            }
        }
        return true;
    }

    /** False when {@code s} has a character YAML only writes escaped (a control character, a BOM). */
    private static boolean singleQuotedAllowed(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != 0xfeff && !(c >= 0x80 && c < 0xa0));
    }

    private static String doubleQuoted(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\0' -> out.append("\\0");
                case '\u0007' -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\u000b' -> out.append("\\v");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                case '\u001b' -> out.append("\\e");
                case '\u0085' -> out.append("\\N");
                case '\u00a0' -> out.append("\\_");
                case '\u2028' -> out.append("\\L");
                case '\u2029' -> out.append("\\P");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c > 0x80 && c < 0xa0) || c == 0xfeff) {
                        out.append(String.format(c <= 0xff ? "\\x%02X" : "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * yaml.v3's order of two string keys: at the first differing character two letters compare by
     * code point; a letter sorts after a non-letter, unless the characters before were digits;
     * otherwise the runs of digits starting there compare as numbers (a zero-led run after
     * non-zero digits counting as starting at one), then by length, then by character; a prefix
     * sorts first.
     */
    static boolean keyLess(String a, String b) {
        int[] ar = a.codePoints().toArray();
        int[] br = b.codePoints().toArray();
        boolean digits = false;
        for (int i = 0; i < ar.length && i < br.length; i++) {
            if (ar[i] == br[i]) {
                digits = Character.isDigit(ar[i]);
                continue;
            }
            boolean al = Character.isLetter(ar[i]);
            boolean bl = Character.isLetter(br[i]);
            if (al && bl) {
                return ar[i] < br[i];
            }
            if (al || bl) {
                return digits ? al : bl;
            }
            long an = 0;
            long bn = 0;
            if (ar[i] == '0' || br[i] == '0') {
                for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
                    if (ar[j] != '0') {
                        an = 1;
                        bn = 1;
                        break;
                    }
                }
            }
            int ai = i;
            for (; ai < ar.length && Character.isDigit(ar[ai]); ai++) {
                an = an * 10 + (ar[ai] - '0');
            }
            int bi = i;
            for (; bi < br.length && Character.isDigit(br[bi]); bi++) {
                bn = bn * 10 + (br[bi] - '0');
            }
            if (an != bn) {
                return an < bn;
            }
            if (ai != bi) {
                return ai < bi;
            }
            return ar[i] < br[i];
        }
        return ar.length < br.length;
    }
}
