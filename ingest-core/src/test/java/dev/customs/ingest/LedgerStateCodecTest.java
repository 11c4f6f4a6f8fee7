package dev.customs.ingest;

import dev.customs.contract.event.DeclarationItem;
import dev.customs.contract.event.DeclarationState;
import dev.customs.contract.event.Direction;
import dev.customs.contract.event.ZoneFlow;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LedgerStateCodecTest {

    private static DeclarationItem item(int no, String hsCode, String unit, String cny, String usd) {
        return new DeclarationItem(no, hsCode, new BigDecimal("1200"), unit, new BigDecimal(cny), new BigDecimal(usd));
    }

    /** Records compare BigDecimals with equals, so a round trip that changed a scale would fail here. */
    private static void assertRoundTrip(DeclarationState state) {
        assertThat(LedgerStateCodec.decode(LedgerStateCodec.encode(state))).isEqualTo(state);
    }

    @Test
    void keepsEveryFieldAndEveryScale() {
        assertRoundTrip(new DeclarationState(LocalDate.of(2025, 8, 26), Direction.IMPORT, "8013", ZoneFlow.FIRST_LINE,
                "5034", "8013", "91500000MA5U12346T", "DE", "3", "EUR",
                List.of(item(1, "8471300000", "台", "1850000.00", "257500.00"),
                        item(2, "8542310000", "kg", "0.10", "1E+3"),
                        new DeclarationItem(3, "8542310000", new BigDecimal("0.001"), "千克", new BigDecimal("1.500"),
                                new BigDecimal("999999999999999.99"))),
                new BigDecimal("1850001.600"), new BigDecimal("1000000000257500.99"), true));
    }

    @Test
    void keepsNullsOutsideAreasAndInOddStates() {
        assertRoundTrip(new DeclarationState(LocalDate.of(1970, 1, 1), Direction.EXPORT, null, null, "0110", "2200",
                "91500000MA5U12346T", "AU", "2", "CNY", List.of(item(1, "2601110000", "吨", "5000000.00", "695000.00")),
                new BigDecimal("5000000.00"), new BigDecimal("695000.00"), false));
        List<DeclarationItem> withNull = new ArrayList<>(Arrays.asList(null,
                new DeclarationItem(null, null, null, null, null, null)));
        assertRoundTrip(new DeclarationState(null, null, null, null, null, null, null, null, null, null, withNull,
                null, null, false));
        assertRoundTrip(new DeclarationState(null, null, null, null, null, null, null, null, null, null, null,
                null, null, false));
        assertRoundTrip(new DeclarationState(LocalDate.of(2025, 1, 1), Direction.IMPORT, "8013", ZoneFlow.INTRA_ZONE,
                "5034", "8013", "x", "DE", "3", "EUR", List.of(), BigDecimal.ZERO, BigDecimal.ZERO, true));
    }

    @Test
    void keepsLargeDeclarationsAndLongStrings() {
        List<DeclarationItem> items = new ArrayList<>();
        for (int i = 1; i <= 1000; i++) {
            items.add(item(i, "8471300000", "台", i + ".01", i + ".02"));
        }
        String longUnit = "单".repeat(70_000); // beyond DataOutputStream.writeUTF's 64 KB
        items.add(item(1001, "8471300000", longUnit, "1.00", "0.14"));
        assertRoundTrip(new DeclarationState(LocalDate.of(2025, 12, 31), Direction.EXPORT, "8013",
                ZoneFlow.SECOND_LINE, "5100", "8013", "91500000MA5U12346T", "US", "5", "USD", items,
                new BigDecimal("500501.00"), new BigDecimal("500500.00"), true));
    }

    @Test
    void readsStatesWrittenBeforeTheSyntheticFlagAsNotSynthetic() {
        DeclarationState state = new DeclarationState(LocalDate.of(2025, 1, 1), Direction.IMPORT, null, null, "0110",
                "2200", "x", "AU", "2", "CNY", List.of(item(1, "2601110000", "吨", "10.00", "1.40")),
                new BigDecimal("10.00"), new BigDecimal("1.40"), false);
        byte[] current = LedgerStateCodec.encode(state);
        // Format 1 is format 2 without the trailing synthetic byte.
        byte[] formatOne = Arrays.copyOf(current, current.length - 1);
        formatOne[0] = 1;
        assertThat(current[0]).isEqualTo((byte) 2);
        assertThat(current[current.length - 1]).isEqualTo((byte) 0);
        assertThat(LedgerStateCodec.decode(formatOne)).isEqualTo(state);
    }

    @Test
    void refusesBytesItDidNotWrite() {
        byte[] encoded = LedgerStateCodec.encode(new DeclarationState(LocalDate.of(2025, 1, 1), Direction.IMPORT,
                null, null, "0110", "2200", "x", "AU", "2", "CNY", List.of(), BigDecimal.ONE, BigDecimal.ONE, true));
        assertThatThrownBy(() -> LedgerStateCodec.decode(Arrays.copyOf(encoded, encoded.length - 3)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("truncated");
        encoded[0] = 9;
        assertThatThrownBy(() -> LedgerStateCodec.decode(encoded))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("unknown format 9");
    }
}
