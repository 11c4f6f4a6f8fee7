package dev.customs.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** The runtime settings the pages start from: the pages themselves are bundled at build time. */
@Path("/settings.json")
public class SettingsResource {

    public record Settings(String issuer, String clientId, Map<String, String> services) {
    }

    private final ConsoleConfig config;

    public SettingsResource(ConsoleConfig config) {
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Settings settings() {
        ConsoleConfig.Services services = config.services();
        return new Settings(config.oidc().issuer(), config.oidc().clientId(), Map.of(
                "declarations", services.declarations(),
                "zones", services.zones(),
                "statistics", services.statistics()));
    }
}
