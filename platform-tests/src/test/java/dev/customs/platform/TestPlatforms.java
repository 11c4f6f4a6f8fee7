package dev.customs.platform;

import dev.customs.localstack.Platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Starts the packaged platform for a test class, with logs under platform-tests/target. */
final class TestPlatforms {

    private static final List<String> SERVICE_JVM = List.of("-Xmx512m");

    private TestPlatforms() {
    }

    static Path root() {
        return Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    }

    /** @param dataDir null for throwaway broker and database directories */
    static Platform start(String name, Path dataDir) {
        return Platform.start(new Platform.Settings(root(), dataDir, root().resolve("platform-tests/target/" + name + "-logs"),
                0, 0, Map.of(), SERVICE_JVM));
    }
}
