package dev.berth.planner.load.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import dev.berth.planner.StackException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DotEnvParserProperties {

    @Provide
    Arbitrary<String> dotEnvText() {
        return Arbitraries.strings().withChars("AB_=\"' #\n\\$x{}:-export").ofMaxLength(60);
    }

    @Property(tries = 2000)
    void parse_eitherReadsOrFailsWithLineNumber(@ForAll("dotEnvText") String content) {
        try {
            assertThat(DotEnvParser.parse(".env", content, Map.of("A", "1")::get)).isNotNull();
        } catch (StackException e) {
            assertThat(e.getMessage()).matches("(?s)\\.env:\\d+: .+");
        }
    }

    @Property(tries = 1000)
    void parse_singleQuotedValueWithoutQuotes_isReadBackVerbatim(@ForAll("dotEnvText") String value) {
        // a backslash right before the closing quote escapes it, as in compose-go, so none ends the value
        String literal = value.replace("'", "").replaceAll("\\\\+$", "");
        assertThat(DotEnvParser.parse(".env", "K='" + literal + "'\n", name -> null)).containsEntry("K", literal);
    }
}
