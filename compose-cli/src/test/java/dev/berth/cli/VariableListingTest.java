package dev.berth.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SortedMap;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import dev.berth.planner.load.interpolate.Variable;

class VariableListingTest {

    private static VariableListing listing(Variable... variables) {
        SortedMap<String, Variable> map = new TreeMap<>();
        for (Variable v : variables) {
            map.put(v.name(), v);
        }
        return new VariableListing(map);
    }

    private static final Variable TAG = new Variable("TAG", "latest", "", false);
    private static final Variable TOKEN = new Variable("TOKEN", "", "", true);
    private static final Variable DEBUG = new Variable("DEBUG", "", "-v", false);

    @Test
    void table_isComposesTabwriterLayout_sortedByName() {
        // Every column is 20 wide (min width 20 > widest cell + padding 3); the last one is not padded.
        assertThat(listing(TOKEN, TAG, DEBUG).render("")).isEqualTo(
                "NAME" + " ".repeat(16) + "REQUIRED" + " ".repeat(12) + "DEFAULT VALUE" + " ".repeat(7)
                        + "ALTERNATE VALUE\n"
                        + "DEBUG" + " ".repeat(15) + "false" + " ".repeat(15) + " ".repeat(20) + "-v\n"
                        + "TAG" + " ".repeat(17) + "false" + " ".repeat(15) + "latest" + " ".repeat(14) + "\n"
                        + "TOKEN" + " ".repeat(15) + "true" + " ".repeat(16) + " ".repeat(20) + "\n");
    }

    @Test
    void table_widensTheDefaultColumnToALongDefault() {
        Variable port = new Variable("PORT", "${FALLBACK_PORT:-8080}", "", false);
        assertThat(listing(port).render("table")).isEqualTo(
                "NAME" + " ".repeat(16) + "REQUIRED" + " ".repeat(12) + "DEFAULT VALUE" + " ".repeat(12)
                        + "ALTERNATE VALUE\n"
                        + "PORT" + " ".repeat(16) + "false" + " ".repeat(15) + "${FALLBACK_PORT:-8080}   \n");
    }

    @Test
    void table_hasOnlyTheHeader_whenThereAreNoVariables() {
        assertThat(listing().render("table"))
                .isEqualTo("NAME                REQUIRED            DEFAULT VALUE       ALTERNATE VALUE\n");
    }

    @Test
    void json_isGoEncodingJsonIndentedByFourSpaces_thenAnEmptyLine() {
        assertThat(listing(TAG, TOKEN).render("json")).isEqualTo("""
                {
                    "TAG": {
                        "Name": "TAG",
                        "DefaultValue": "latest",
                        "PresenceValue": "",
                        "Required": false
                    },
                    "TOKEN": {
                        "Name": "TOKEN",
                        "DefaultValue": "",
                        "PresenceValue": "",
                        "Required": true
                    }
                }

                """);
        assertThat(listing().render("JSON")).isEqualTo("{}\n\n");
    }

    @Test
    void yaml_isYamlV3WithLowerCasedFieldNames_quotingWhatWouldNotReadBackAsAString() {
        assertThat(listing(new Variable("PORT", "8080", "", false), DEBUG).render("yaml")).isEqualTo("""
                DEBUG:
                    name: DEBUG
                    defaultvalue: ""
                    presencevalue: -v
                    required: false
                PORT:
                    name: PORT
                    defaultvalue: "8080"
                    presencevalue: ""
                    required: false
                """);
        assertThat(listing().render("yaml")).isEqualTo("{}\n");
    }

    @Test
    void render_refusesAnotherFormat_withComposesMessage() {
        assertThatThrownBy(() -> listing(TAG).render("xml"))
                .hasMessage("format value \"xml\" could not be parsed: parsing failed");
        assertThatThrownBy(() -> listing(TAG).render("YAML"))
                .hasMessage("format value \"YAML\" could not be parsed: parsing failed");
    }
}
