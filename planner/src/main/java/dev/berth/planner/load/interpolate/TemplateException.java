package dev.berth.planner.load.interpolate;

/**
 * A template that cannot be substituted: an invalid {@code ${...}} form, a required variable
 * without a value, or templates nested too deep. The message has no location; the caller adds where the template was written.
 */
public final class TemplateException extends RuntimeException {

    private final boolean invalidFormat;

    private TemplateException(String message, boolean invalidFormat) {
        super(message);
        this.invalidFormat = invalidFormat;
    }

    static TemplateException invalidFormat(String template) {
        return new TemplateException(template, true);
    }

    static TemplateException missing(String name, String detail) {
        String message = "required variable " + name + " is missing a value";
        return new TemplateException(detail.isEmpty() ? message : message + ": " + detail, false);
    }

    static TemplateException tooDeep(int limit) {
        return new TemplateException("variable substitutions nest more than " + limit
                + " levels deep (${A:-${B:-...}}); use fewer levels", false);
    }

    /** True for a malformed {@code ${...}} form; false for a required variable that is unset or empty, or nesting. */
    public boolean invalidFormat() {
        return invalidFormat;
    }
}
