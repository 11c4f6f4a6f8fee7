package dev.customs.statistics.ingest;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The ingest hardening tests share an application of their own (and so a fresh broker and database): they
 * write ledger rows and dead letters that the classes counting every record or declaration must not see.
 */
public class IngestHardeningProfile implements QuarkusTestProfile {
}
