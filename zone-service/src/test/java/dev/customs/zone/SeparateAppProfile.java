package dev.customs.zone;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Runs a test class in an application of its own. Quarkus restarts the application for another profile
 * with a new test classloader, so the shared test resources start a fresh broker and database for it:
 * the classes that count every record consumed, or every month with data, never see this class's data,
 * in whatever order the classes run.
 */
public class SeparateAppProfile implements QuarkusTestProfile {
}
