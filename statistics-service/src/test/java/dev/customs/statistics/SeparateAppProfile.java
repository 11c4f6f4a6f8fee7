package dev.customs.statistics;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs a test class in an application of its own, after the classes without a profile (Quarkus orders
 * test classes by profile). The database and Kafka are shared across restarts, so this keeps the
 * classes that count every record the application consumed, or every month with data, from seeing
 * the data of the classes that use it.
 */
public class SeparateAppProfile implements QuarkusTestProfile {
}
