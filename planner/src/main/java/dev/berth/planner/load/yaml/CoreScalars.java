package dev.berth.planner.load.yaml;

import java.math.BigInteger;
import java.util.Locale;

import dev.berth.planner.StackException;
import dev.berth.planner.tree.Location;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/** The values of YAML scalars as berth keeps them: String, Long, Double, Boolean or null. */
final class CoreScalars {

    private final ScalarResolver resolver;

    CoreScalars(ScalarResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * The scalar's value by YAML 1.2's core schema: an untagged plain scalar is resolved from its
     * text, a quoted one is text; {@code !reset} and {@code !override} do not change the type;
     * {@code !!str}, {@code !!int}, {@code !!float}, {@code !!bool} and {@code !!null} convert; other
     * tags keep the text, as Compose's YAML decoder does.
     */
    Object value(ScalarEvent s, Location at) {
        String text = s.getValue();
        String tagName = s.getTag().orElse(null);
        Tag tag;
        if (tagName == null || tagName.equals("!") || tagName.equals(TreeComposer.RESET) || tagName.equals(TreeComposer.OVERRIDE)) {
            boolean plain = tagName == null || tagName.equals("!") ? s.getImplicit().canOmitTagInPlainScalar()
                    : s.isPlain();
            tag = resolver.resolve(text, plain);
        } else {
            tag = new Tag(tagName);
        }
        if (tag.equals(Tag.NULL)) {
            return null;
        }
        if (tag.equals(Tag.BOOL)) {
            return Boolean.valueOf(text.equalsIgnoreCase("true"));
        }
        if (tag.equals(Tag.INT)) {
            return integer(text, at);
        }
        if (tag.equals(Tag.FLOAT)) {
            return floating(text, at);
        }
        return text;
    }

    /**
     * An integer's value; besides YAML 1.2's forms, YAML 1.1's octal {@code 0440} (a leading zero
     * and octal digits) is read as octal, as Compose's YAML decoder (go-yaml v3, whose
     * {@code resolve} keeps it for compatibility) reads it: {@code mode: 0440} is 288.
     */
    private static Object integer(String text, Location at) {
        if (text.length() < 19 && isDecimalDigits(text) && (text.length() == 1 || text.charAt(0) != '0')) {
            return Long.parseLong(text);
        }
        String t = text.replace("_", "");
        int sign = 1;
        if (t.startsWith("-")) {
            sign = -1;
            t = t.substring(1);
        } else if (t.startsWith("+")) {
            t = t.substring(1);
        }
        int radix = 10;
        if (t.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (t.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        } else if (t.length() > 1 && t.charAt(0) == '0' && t.chars().allMatch(c -> c >= '0' && c <= '7')) {
            radix = 8;
        }
        BigInteger v;
        try {
            v = new BigInteger(t, radix);
        } catch (NumberFormatException e) {
            throw new StackException(at + ": \"" + text + "\" is not an integer");
        }
        if (sign < 0) {
            v = v.negate();
        }
        if (v.bitLength() > 63) {
            throw new StackException(at + ": the number " + text + " is too large");
        }
        return v.longValue();
    }

    private static boolean isDecimalDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return !text.isEmpty();
    }

    private static Object floating(String text, Location at) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.equals(".inf") || t.equals("+.inf")) {
            return Double.POSITIVE_INFINITY;
        }
        if (t.equals("-.inf")) {
            return Double.NEGATIVE_INFINITY;
        }
        if (t.equals(".nan")) {
            return Double.NaN;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            throw new StackException(at + ": \"" + text + "\" is not a number");
        }
    }
}
