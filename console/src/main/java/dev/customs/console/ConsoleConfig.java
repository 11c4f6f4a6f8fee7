package dev.customs.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the pages find the identity provider and the services; handed to the browser by {@link SettingsResource}. */
@ConfigMapping(prefix = "console")
public interface ConsoleConfig {

    Oidc oidc();

    Services services();

    interface Oidc {
        /** The realm's URL; the browser logs in there (authorization code with PKCE). */
        @WithDefault("http://localhost:8180/realms/customs")
        String issuer();

        /** The realm's public client for this console (redirects only to the console's own origin). */
        @WithDefault("customs-console")
        String clientId();
    }

    /** Base URLs as the browser reaches them; each service allows this console's origin (CORS). */
    interface Services {
        @WithDefault("http://localhost:8081")
        String declarations();

        @WithDefault("http://localhost:8082")
        String zones();

        @WithDefault("http://localhost:8083")
        String statistics();
    }
}
