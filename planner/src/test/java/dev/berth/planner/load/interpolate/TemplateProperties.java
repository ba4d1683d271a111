package dev.berth.planner.load.interpolate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TemplateProperties {

    private final Template template = new Template(Map.of("A", "x", "B", ""), name -> { });

    @Provide
    Arbitrary<String> templates() {
        return Arbitraries.strings().withChars("$AB{}:-?+ !x_1").ofMaxLength(24);
    }

    @Property(tries = 2000)
    void substitute_eitherSucceedsOrFailsWithTemplateException(@ForAll("templates") String text) {
        try {
            assertThat(template.substitute(text)).isNotNull();
        } catch (TemplateException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Property(tries = 1000)
    void substitute_textWithoutDollar_isUnchanged(@ForAll String text) {
        String plain = text.replace("$", "");
        assertThat(template.substitute(plain)).isEqualTo(plain);
    }

    @Property(tries = 1000)
    void substitute_doubledDollars_areLiteral(@ForAll("templates") String text) {
        String escaped = text.replace("$", "$$");
        assertThat(template.substitute(escaped)).isEqualTo(text);
    }
}
