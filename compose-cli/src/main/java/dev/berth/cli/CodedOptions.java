package dev.berth.cli;

import java.util.List;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * Options declared in code with picocli's model API, and their parsed values read back.
 *
 * <p>The verbs every short run goes through ({@code berth}, {@code berth config}) declare their
 * options here rather than with annotations: reading annotations makes the JDK generate a proxy
 * class per annotation type and picocli reflect over every field, a tenth of a second of a
 * {@code berth config -q} run that the AOT cache cannot keep. Values live in picocli's own
 * bindings; an inherited option's copies in sub-commands share its binding, so a value given
 * before or after the verb is read from the command that declared it.
 */
final class CodedOptions {

    private CodedOptions() {
    }

    /** {@code -h, --help} and {@code -V, --version}, as {@code mixinStandardHelpOptions} declares them. */
    static void addStandardHelp(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** A flag: present or not. */
    static OptionSpec.Builder flag(String description, String... names) {
        return OptionSpec.builder(names).type(boolean.class).arity("0").description(description);
    }

    /** An option with one value of {@code type}, shown as {@code label} in the usage. */
    static OptionSpec.Builder value(Class<?> type, String label, String description, String... names) {
        return OptionSpec.builder(names).type(type).paramLabel(label).description(description);
    }

    /** A repeatable option; each occurrence adds one value of {@code element} to a list. */
    static OptionSpec.Builder repeatable(Class<?> element, String label, String description, String... names) {
        return OptionSpec.builder(names).type(List.class).auxiliaryTypes(element).paramLabel(label)
                .description(description);
    }

    /** The same option builder, for the whole command tree below the command that declares it. */
    static OptionSpec inherited(OptionSpec.Builder option) {
        return option.scopeType(ScopeType.INHERIT).build();
    }

    /**
     * A {@link #repeatable} option for the whole command tree whose values add up wherever they are
     * given ({@code berth -f a.yaml config -f b.yaml} reads both files, as Compose does). picocli
     * starts a new list when an inherited option first appears in a sub-command; the binding adds
     * that list's values to the ones before instead of replacing them.
     */
    static OptionSpec inheritedRepeatable(Class<?> element, String label, String description, String... names) {
        AccumulatingBinding binding = new AccumulatingBinding();
        return repeatable(element, label, description, names).getter(binding).setter(binding)
                .scopeType(ScopeType.INHERIT).build();
    }

    /** The values of a repeatable inherited option, across the commands that share it. */
    private static final class AccumulatingBinding implements IGetter, ISetter {

        private List<Object> values;

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            return (T) values;
        }

        /** {@code null} (picocli resetting the option before a parse) forgets the values. */
        @Override
        @SuppressWarnings("unchecked")
        public <T> T set(T value) {
            List<Object> before = values;
            if (value == null) {
                values = null;
            } else if (values == null) {
                values = (List<Object>) value;
            } else if (value != values) {
                values.addAll((List<Object>) value);
            }
            return (T) before;
        }
    }

    /** Whether the flag {@code name} was given. */
    static boolean isSet(CommandSpec spec, String name) {
        return Boolean.TRUE.equals(spec.findOption(name).getValue());
    }

    /** The value of option {@code name}, or {@code fallback} when it was not given. */
    static <T> T valueOf(CommandSpec spec, String name, T fallback) {
        T value = spec.findOption(name).getValue();
        return value == null ? fallback : value;
    }

    /** The values of the repeatable option {@code name}, in the order given; empty when not given. */
    static <T> List<T> valuesOf(CommandSpec spec, String name) {
        List<T> values = spec.findOption(name).getValue();
        return values == null ? List.of() : List.copyOf(values);
    }
}
