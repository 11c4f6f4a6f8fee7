package dev.customs.declaration.declarations;

import dev.customs.contract.event.Direction;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DeclarationNumbersTest {

    private static final LocalDate DATE = LocalDate.of(2025, 8, 26);

    @Test
    void officeYearDirectionAndANineDigitSerial() {
        assertThat(DeclarationNumbers.format("8013", DATE, Direction.IMPORT, 42)).isEqualTo("801320251000000042");
        assertThat(DeclarationNumbers.format("2244", DATE, Direction.EXPORT, 123_456_789)).isEqualTo("224420250123456789");
    }

    @Test
    void theSerialWrapsAfterNineDigits() {
        assertThat(DeclarationNumbers.format("8013", DATE, Direction.IMPORT, 999_999_999)).isEqualTo("801320251999999999");
        assertThat(DeclarationNumbers.format("8013", DATE, Direction.IMPORT, 1_000_000_000)).isEqualTo("801320251000000000");
        assertThat(DeclarationNumbers.format("8013", DATE, Direction.EXPORT, 3_000_000_007L)).isEqualTo("801320250000000007");
    }
}
