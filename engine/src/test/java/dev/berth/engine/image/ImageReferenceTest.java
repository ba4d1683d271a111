package dev.berth.engine.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.berth.engine.core.EngineException;

class ImageReferenceTest {

    @ParameterizedTest
    @CsvSource({
            "busybox, docker.io/library/busybox:latest, busybox:latest",
            "busybox:1.36, docker.io/library/busybox:1.36, busybox:1.36",
            "user/app, docker.io/user/app:latest, user/app:latest",
            "docker.io/library/busybox, docker.io/library/busybox:latest, busybox:latest",
            "index.docker.io/library/busybox:x, docker.io/library/busybox:x, busybox:x",
            "localhost/app, localhost/app:latest, localhost/app:latest",
            "localhost:5000/a/b/c:v1.2-rc_3, localhost:5000/a/b/c:v1.2-rc_3, localhost:5000/a/b/c:v1.2-rc_3",
            "registry.example.com/team/app:1, registry.example.com/team/app:1, registry.example.com/team/app:1",
            "my.registry:8443/app, my.registry:8443/app:latest, my.registry:8443/app:latest",
            "a-b__c/d.e--f, docker.io/a-b__c/d.e--f:latest, a-b__c/d.e--f:latest",
    })
    void parse_normalisesAsDockerDoes(String text, String normalised, String familiar) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.toString()).isEqualTo(normalised);
        assertThat(ref.familiar()).isEqualTo(familiar);
    }

    @ParameterizedTest
    @CsvSource({
            "busybox@sha256:" + ImageReferenceTest.HEX + ", docker.io/library/busybox@sha256:" + ImageReferenceTest.HEX,
            "busybox:1@sha256:" + ImageReferenceTest.HEX + ", docker.io/library/busybox:1@sha256:" + ImageReferenceTest.HEX,
    })
    void parse_keepsDigests_withoutAddingLatest(String text, String normalised) {
        ImageReference ref = ImageReference.parse(text);
        assertThat(ref.toString()).isEqualTo(normalised);
        assertThat(ref.digest()).isEqualTo(new Digest(HEX));
    }

    static final String HEX = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Busybox|invalid reference format \"Busybox\": repository name must be lowercase letters, digits and separators . _ __ -",
            "busybox:|invalid reference format \"busybox:\": \"\" is not a valid tag",
            "busybox:-x|invalid reference format \"busybox:-x\": \"-x\" is not a valid tag",
            "a//b|invalid reference format \"a//b\": repository name must be lowercase letters, digits and separators . _ __ -",
            "busybox@sha256:12|invalid reference format \"busybox@sha256:12\": \"sha256:12\" is not a digest (expected sha256:<64 hex digits>)",
            "-app|invalid reference format \"-app\": repository name must be lowercase letters, digits and separators . _ __ -",
            "a_b.c/app|invalid reference format \"a_b.c/app\": \"a_b.c\" is not a valid registry host",
            "localhost:5000/|invalid reference format \"localhost:5000/\": the repository name is missing",
    })
    void parse_refusesInvalidReferences(String text, String message) {
        assertThatThrownBy(() -> ImageReference.parse(text)).isInstanceOf(EngineException.class).hasMessage(message);
    }

    @org.junit.jupiter.api.Test
    void parse_refusesEmpty() {
        assertThatThrownBy(() -> ImageReference.parse("")).hasMessage("invalid reference format \"\": it is empty");
    }
}
