package dev.berth.planner.load.interpolate;

import java.util.Objects;

/**
 * One variable a stack file uses, as compose-go's {@code template.Variable} describes it.
 *
 * @param name          the variable's name
 * @param defaultValue  the text after {@code :-} or {@code -}, as written (empty when none)
 * @param presenceValue the text after {@code :+} or {@code +}, as written (empty when none)
 * @param required      true for {@code :?} and {@code ?}
 */
public record Variable(String name, String defaultValue, String presenceValue, boolean required) {

    public Variable {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(presenceValue, "presenceValue");
    }
}
