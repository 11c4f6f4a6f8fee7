package dev.customs.ingest;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class ApplyFailureTest {

    @Test
    void dataExceptionsAndConstraintViolationsAreData() {
        assertThat(ApplyFailure.of(new SQLException("date/time field value out of range", "22008"))).isEqualTo(ApplyFailure.DATA);
        assertThat(ApplyFailure.of(new SQLException("numeric field overflow", "22003"))).isEqualTo(ApplyFailure.DATA);
        assertThat(ApplyFailure.of(new SQLException("check violation", "23514"))).isEqualTo(ApplyFailure.DATA);
        assertThat(ApplyFailure.of(new SQLException("index row size exceeds maximum", "54000"))).isEqualTo(ApplyFailure.DATA);
    }

    @Test
    void outagesAndTransientConflictsAreRetried() {
        for (String state : new String[]{"08006", "53300", "57P01", "58030", "40001", "40P01", "42703", "XX000", "25P02"}) {
            assertThat(ApplyFailure.of(new SQLException("x", state))).as(state).isEqualTo(ApplyFailure.OUTAGE);
        }
        // Agroal's acquisition timeout has no SQLState.
        assertThat(ApplyFailure.of(new SQLException("Sorry, acquisition timeout!"))).isEqualTo(ApplyFailure.OUTAGE);
        assertThat(ApplyFailure.of(new SQLTransientConnectionException("gone"))).isEqualTo(ApplyFailure.OUTAGE);
    }

    @Test
    void theFirstStateInTheCauseChainDecides() {
        RuntimeException wrapped = new IllegalStateException("commit failed",
                new RuntimeException(new SQLException("no state", null, new SQLException("overflow", "22003"))));
        assertThat(ApplyFailure.of(wrapped)).isEqualTo(ApplyFailure.DATA);
        assertThat(ApplyFailure.message(wrapped)).contains("22003").contains("overflow");
    }

    @Test
    void ourOwnCodeFailingOnAnEventIsInternalButTransactionTroubleIsAnOutage() {
        assertThat(ApplyFailure.of(new NullPointerException())).isEqualTo(ApplyFailure.INTERNAL);
        assertThat(ApplyFailure.of(new ArithmeticException("overflow"))).isEqualTo(ApplyFailure.INTERNAL);
        assertThat(ApplyFailure.of(new StackOverflowError())).isEqualTo(ApplyFailure.INTERNAL);
        assertThat(ApplyFailure.of(new jakarta.transaction.TransactionalException("x", new jakarta.transaction.RollbackException())))
                .isEqualTo(ApplyFailure.OUTAGE);
        assertThat(ApplyFailure.of(new OutOfMemoryError())).isEqualTo(ApplyFailure.OUTAGE);
    }
}
