package dev.customs.declaration.simulator;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Reads the simulator's calibration tables when the service starts, and builds a generator from them, so that a
 * malformed or inconsistent file stops the service at once, naming the file and line or the figure, instead of
 * failing the first simulator run.
 */
@ApplicationScoped
class CalibrationCheck {

    private static final Logger LOG = Logger.getLogger(CalibrationCheck.class);

    void load(@Observes StartupEvent event) {
        new DeclarationGenerator(1, 1);
        LOG.debugf("simulator calibration: %d partners, %d export and %d import products, %d leading areas",
                Calibration.PARTNER_TRADE.size(), Calibration.EXPORT_GOODS.size(),
                Calibration.IMPORT_GOODS.size(), Calibration.LEADING_AREAS.size());
    }
}
