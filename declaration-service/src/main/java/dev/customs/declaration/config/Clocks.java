package dev.customs.declaration.config;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * "Now" for filing, date checks, rates and the simulator comes from this bean, so tests can move the
 * service's time (a year ahead, past the last published rates) by providing a Clock bean of their own.
 */
@Singleton
public class Clocks {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
