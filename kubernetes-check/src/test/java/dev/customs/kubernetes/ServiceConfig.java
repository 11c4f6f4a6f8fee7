package dev.customs.kubernetes;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A service's own configuration as Quarkus reads it in production: the shared files of the modules it uses
 * (rest-support, and ingest-core for the consumers) below its application.properties, %prod entries over plain ones.
 *
 * @param values    every property with a value, in production
 * @param read      every property name the service reads: the keys of its configuration files, the names their values
 *                  refer to (${name}), and the names its code and its modules' code inject (@ConfigProperty)
 * @param required  the properties it reads that have no value anywhere: the environment must set them
 */
record ServiceConfig(String service, Map<String, String> values, Set<String> read, Set<String> required) {

    /** Quarkus' own, read from the environment only: a password in a configuration file would ship in the image. */
    static final Set<String> ENVIRONMENT_ONLY = Set.of("quarkus.datasource.password");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern INJECTED = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern MAPPING = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    /** A mapping's property method: a type, a name and no parameters (its property is the name in kebab case). */
    private static final Pattern MAPPED = Pattern.compile("(?m)^\\s+[\\w<>,.? ]+?\\s+(\\w+)\\(\\);");

    static ServiceConfig of(String service) {
        boolean consumer = Repo.CONSUMERS.contains(service);
        List<String> modules = new ArrayList<>(List.of("rest-support", "kafka-support"));
        if (consumer) {
            modules.add("ingest-core");
        }
        List<Path> files = new ArrayList<>();
        files.add(Repo.ROOT.resolve("rest-support/src/main/resources/META-INF/microprofile-config.properties"));
        if (consumer) {
            files.add(Repo.ROOT.resolve("ingest-core/src/main/resources/META-INF/microprofile-config.properties"));
        }
        files.add(Repo.ROOT.resolve(service).resolve("src/main/resources/application.properties"));

        Map<String, String> plain = new LinkedHashMap<>();
        Map<String, String> prod = new LinkedHashMap<>();
        Set<String> read = new TreeSet<>();
        Set<String> references = new TreeSet<>();
        for (Path file : files) {
            Properties p = load(file);
            for (String key : p.stringPropertyNames()) {
                String value = p.getProperty(key);
                Matcher m = REFERENCE.matcher(value);
                while (m.find()) {
                    if (m.group(2) == null) {
                        references.add(m.group(1));
                    }
                    read.add(m.group(1));
                }
                if (key.startsWith("%")) {
                    String profile = key.substring(1, key.indexOf('.'));
                    String name = key.substring(key.indexOf('.') + 1);
                    read.add(name);
                    if (profile.equals("prod")) {
                        prod.put(name, value);
                    }
                } else {
                    read.add(key);
                    plain.put(key, value);
                }
            }
        }
        modules.add(service);
        for (String module : modules) {
            read.addAll(injected(Repo.ROOT.resolve(module).resolve("src/main/java")));
        }
        Map<String, String> values = new LinkedHashMap<>(plain);
        values.putAll(prod);
        Set<String> required = new TreeSet<>(ENVIRONMENT_ONLY);
        references.stream().filter(r -> !values.containsKey(r)).forEach(required::add);
        read.addAll(ENVIRONMENT_ONLY);
        return new ServiceConfig(service, values, read, required);
    }

    /** MicroProfile Config's environment-variable form of a property name. */
    static String envName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }

    Set<String> readFromEnvironment() {
        Set<String> names = new TreeSet<>();
        read.forEach(r -> names.add(envName(r)));
        return names;
    }

    String value(String property) {
        String value = values.get(property);
        if (value == null) {
            throw new AssertionError(service + " sets no " + property);
        }
        return value;
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
        return p;
    }

    private static Set<String> injected(Path sources) {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(sources)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String text = Repo.text(f);
                Matcher m = INJECTED.matcher(text);
                while (m.find()) {
                    names.add(m.group(1));
                }
                Matcher mapping = MAPPING.matcher(text);
                if (mapping.find()) {
                    Matcher method = MAPPED.matcher(text);
                    while (method.find()) {
                        names.add(mapping.group(1) + "." + method.group(1).replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase());
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(sources.toString(), e);
        }
        return names;
    }
}
