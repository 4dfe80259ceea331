package live.bookhub.infra.deploy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import live.bookhub.events.EnvelopeCodec;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * What a service's Spring Boot jar can be told: every property named in the configuration metadata of
 * the jar and of its libraries (Spring Boot's own and the module's {@code bookhub.*}, written by the
 * configuration processor), with the value the jar uses when nobody sets it (its
 * {@code application.yml}/{@code .properties}, else the metadata's default).
 */
final class ServiceJar {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final String ADDITIONAL_METADATA = "META-INF/additional-spring-configuration-metadata.json";

    private final String module;
    /** canonical name (lower case, no dashes) → the name as documented */
    private final Map<String, String> names = new HashMap<>();
    /** names documented as maps, e.g. logging.level: any key below them binds */
    private final Map<String, String> mapPrefixes = new HashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();

    private ServiceJar(String module) {
        this.module = module;
    }

    static ServiceJar of(Path home, String module) {
        Path jar = home.resolve(module).resolve("target").resolve(module + ".jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -DskipTests package)");
        }
        ServiceJar service = new ServiceJar(module);
        try (InputStream in = Files.newInputStream(jar)) {
            service.read(in, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return service;
    }

    String module() {
        return module;
    }

    /** Whether the jar binds this property (relaxed binding: dashes and case do not matter). */
    boolean knows(String property) {
        String canonical = canonical(property);
        if (names.containsKey(canonical)) {
            return true;
        }
        return mapPrefixes.keySet().stream().anyMatch(prefix -> canonical.startsWith(prefix + "."));
    }

    /** Whether the jar binds this environment variable, e.g. {@code SPRING_DATA_REDIS_URL}. */
    boolean knowsVariable(String variable) {
        return names.values().stream().anyMatch(name -> binds(variable, name))
                || mapPrefixes.values().stream().anyMatch(prefix -> variable.toUpperCase().startsWith(environmentForm(prefix, "") + "_"));
    }

    /**
     * Spring Boot's mapping of environment variables: dots become {@code _} and dashes go
     * ({@code REPLICANAME}), or, its older form, dashes become {@code _} too ({@code REPLICA_NAME}).
     */
    static boolean binds(String variable, String property) {
        return variable.equals(environmentForm(property, "")) || variable.equals(environmentForm(property, "_"));
    }

    private static String environmentForm(String property, String dash) {
        return property.toUpperCase().replace('.', '_').replace("-", dash);
    }

    /** The value the jar uses for this property when neither arguments nor environment set it. */
    Optional<String> defaultValue(String property) {
        return Optional.ofNullable(defaults.get(canonical(property)));
    }

    /** A property name as relaxed binding compares it: {@code spring.data.redis-url} and {@code Spring.Data.RedisUrl} alike are {@code spring.data.redisurl}. */
    static String canonical(String property) {
        return property.toLowerCase().replace('_', '.').replace("-", "");
    }

    private void read(InputStream jar, boolean application) throws IOException {
        ZipInputStream zip = new ZipInputStream(jar);
        Map<String, String> applicationConfig = new LinkedHashMap<>();
        for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (name.endsWith(METADATA) || name.endsWith(ADDITIONAL_METADATA)) {
                readMetadata(zip.readAllBytes());
            } else if (application && name.startsWith("BOOT-INF/lib/") && name.endsWith(".jar")) {
                read(new ByteArrayInputStream(zip.readAllBytes()), false);
            } else if (application && name.equals("BOOT-INF/classes/application.yml")) {
                flatten("", new Yaml().load(new ByteArrayInputStream(zip.readAllBytes())), applicationConfig);
            } else if (application && name.equals("BOOT-INF/classes/application.properties")) {
                Properties properties = new Properties();
                properties.load(new ByteArrayInputStream(zip.readAllBytes()));
                properties.forEach((key, value) -> applicationConfig.put(key.toString(), value.toString()));
            }
        }
        // the application's own configuration wins over the metadata's defaults, whatever the order read
        applicationConfig.forEach((key, value) -> defaults.put(canonical(key), value));
    }

    private void readMetadata(byte[] json) {
        JsonNode metadata = EnvelopeCodec.mapper().readTree(json);
        for (JsonNode property : metadata.path("properties")) {
            if (property.path("deprecation").path("level").asString().equals("error")) {
                continue; // a name the jar no longer binds, kept in the metadata only to say so
            }
            String name = property.path("name").asString();
            names.put(canonical(name), name);
            if (property.path("type").asString().startsWith("java.util.Map")) {
                mapPrefixes.put(canonical(name), name);
            }
            JsonNode value = property.path("defaultValue");
            if (value.isValueNode() && !value.isNull()) {
                defaults.putIfAbsent(canonical(name), value.asString());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object node, Map<String, String> into) {
        if (node instanceof Map<?, ?> map) {
            ((Map<String, Object>) map).forEach((key, value) -> flatten(prefix.isEmpty() ? key : prefix + "." + key, value, into));
        } else if (node != null) {
            into.put(prefix, node.toString());
        }
    }
}
