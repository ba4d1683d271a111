package dev.berth.engine.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.engine.core.EngineException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ImageReferenceProperties {

    @Property
    void parse_eitherNormalisesStably_orFailsWithAClearMessage(@ForAll("references") String text) {
        ImageReference ref;
        try {
            ref = ImageReference.parse(text);
        } catch (EngineException e) {
            assertThat(e.getMessage()).startsWith("invalid reference format \"" + text + "\": ");
            return;
        }
        assertThat(ImageReference.parse(ref.toString())).isEqualTo(ref);
        assertThat(ImageReference.parse(ref.familiar())).isEqualTo(ref);
    }

    @Provide
    Arbitrary<String> references() {
        return Arbitraries.strings().withChars("abcAZ09._-:/@").ofMaxLength(40)
                .injectDuplicates(0.1)
                .edgeCases(c -> c.add("localhost:5000/a@sha256:" + "0".repeat(64)));
    }
}
