package dev.customs.platform;

import dev.customs.contract.reference.ReferenceData;
import dev.customs.localstack.Tokens;
import dev.customs.workload.EventFactory;
import dev.customs.workload.Totals;
import dev.customs.workload.Workload;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static dev.customs.platform.TestPlatforms.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A stream from an unreliable producer and the totals it must give: the fault tests publish it straight to
 * Kafka, then wait until every area's and the national totals equal the workload's own ledger to the cent.
 */
final class StreamTotals {

    /** The areas the streams declare in; each one's totals are checked. */
    static final List<String> ZONES = List.of("8013", "2369", "5349", "8010", "8008", "2230", "0130", "3130", "2330", "0230");

    private StreamTotals() {
    }

    /**
     * Declarations numbered by office 4200 and dated in {@code year}, from an unreliable producer: amendments,
     * cancellations, records sent twice and stale revisions, the follow-ups at the end of each batch.
     */
    static Workload workload(long seed, int year) {
        ReferenceData reference = ReferenceData.standard();
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        EventFactory factory = new EventFactory(reference, seed, from, to, "4200", EventFactory.zones(reference, ZONES));
        return new Workload(reference, factory, seed, from, to, Workload.Mix.UNRELIABLE_PRODUCER, 1, Clock.systemUTC());
    }

    /** Waits until zone-service (at {@code zones}) and statistics-service (at {@code statistics}) answer the ledger's totals. */
    static void awaitMatch(Workload workload, String zones, String statistics, Duration atMost) {
        LocalDate from = workload.from();
        LocalDate to = workload.to();
        await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String zone : ZONES) {
                assertTotals(zones + "/api/zones/" + zone + "/totals", from, to, workload.expected().zone(zone, from, to));
            }
            assertTotals(statistics + "/api/statistics/totals", from, to, workload.expected().national(from, to));
        });
    }

    private static void assertTotals(String url, LocalDate from, LocalDate to, Totals expected) {
        as(Tokens.ANALYST).queryParam("from", from.toString()).queryParam("to", to.toString()).get(url)
                .then().statusCode(200)
                .body("declarations", equalTo((int) expected.declarations()))
                .body("importCny", equalTo(expected.importCny()))
                .body("exportCny", equalTo(expected.exportCny()))
                .body("importUsd", equalTo(expected.importUsd()))
                .body("exportUsd", equalTo(expected.exportUsd()));
    }
}
