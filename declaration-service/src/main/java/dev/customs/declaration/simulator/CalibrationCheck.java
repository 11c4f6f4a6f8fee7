package dev.customs.declaration.simulator;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Reads the simulator's calibration tables when the service starts, so that a malformed file stops the
 * service at once, naming the file and line, instead of failing the first simulator run.
 */
@ApplicationScoped
class CalibrationCheck {

    private static final Logger LOG = Logger.getLogger(CalibrationCheck.class);

    void load(@Observes StartupEvent event) {
        LOG.debugf("simulator calibration: %d partners, %d export and %d import products, %d leading areas",
                Calibration.PARTNER_TRADE_USD_BN.size(), Calibration.EXPORT_GOODS.size(),
                Calibration.IMPORT_GOODS.size(), Calibration.LEADING_AREAS.size());
    }
}
