package id.mpp.tracker.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.yaml.snakeyaml.Yaml;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Checks that docker-compose.yml, the Dockerfiles and the gateway agree with the apps' own configuration. */
class DockerComposeWiringTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path PLATFORM_RESOURCES = ROOT.resolve("platform/src/main/resources");
    private static final Map<String, Map<String, Object>> SERVICES = services(yaml(ROOT.resolve("docker-compose.yml")));
    private static final Map<String, Object> DEFAULTS = yaml(PLATFORM_RESOURCES.resolve("mpp-defaults.yml"));
    private static final String SERVER_PORT = String.valueOf(property(DEFAULTS, "server.port"));

    private static final String AXON_SERVER_PROFILE = "axonserver";
    private static final String AXON_SERVER_GRPC_PORT = "8124";
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"']+");
    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+\\S+\\s*\\{([^}]*)}");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("\\bserver\\s+([^\\s:;]+):(\\d+)[^;]*;");

    @Test
    void everyDependencyWaitsForAHealthyServiceThatHasAHealthcheck() {
        SERVICES.forEach((name, service) -> map(service, "depends_on").forEach((dependency, condition) -> {
            assertThat(map(condition).get("condition")).as("%s depends on %s", name, dependency).isEqualTo("service_healthy");
            assertThat(SERVICES.get(dependency)).as("%s depends on %s", name, dependency).isNotNull().containsKey("healthcheck");
        }));
    }

    @Test
    void everyActiveSpringProfileHasItsDefaultsFile() {
        apps().forEach(app -> springProfiles(app).forEach(profile ->
                assertThat(PLATFORM_RESOURCES.resolve("mpp-defaults-" + profile + ".yml"))
                        .as("profile %s of %s", profile, app).exists()));
    }

    @Test
    void appHealthchecksProbeTheServerPortUnderActuatorHealth() {
        apps().forEach(app -> {
            URI probe = healthcheckUrl(app);
            assertThat(String.valueOf(probe.getPort())).as(app).isEqualTo(SERVER_PORT);
            assertThat(probe.getPath()).as(app).startsWith("/actuator/health");
        });
    }

    @Test
    void axonServerAddressNamesTheAxonServerServiceAndItsGrpcPort() {
        List<String> clients = appsWith("AXON_AXONSERVER_SERVERS");
        assertThat(clients).isNotEmpty();
        clients.forEach(app -> {
            String[] hostAndPort = variable(app, "AXON_AXONSERVER_SERVERS").split(":");
            assertThat(hostAndPort).as(app).containsExactly(axonServer(), AXON_SERVER_GRPC_PORT);
        });
        assertThat(declaredPorts(axonServer())).contains(AXON_SERVER_GRPC_PORT);
    }

    @Test
    void axonServerAndTheAppsUsingItRunOnlyInTheAxonServerProfile() {
        assertThat(composeProfiles(axonServer())).containsExactly(AXON_SERVER_PROFILE);
        apps().stream()
                .filter(app -> springProfiles(app).contains(AXON_SERVER_PROFILE) || environment(app).containsKey("AXON_AXONSERVER_SERVERS"))
                .forEach(app -> {
                    assertThat(composeProfiles(app)).as(app).containsExactly(AXON_SERVER_PROFILE);
                    assertThat(springProfiles(app)).as(app).contains(AXON_SERVER_PROFILE);
                    assertThat(environment(app)).as(app).containsKey("AXON_AXONSERVER_SERVERS");
                });
    }

    @Test
    void mongoUriNamesTheMongodbServiceAndTheDefaultDatabase() {
        Object database = property(DEFAULTS, "spring.data.mongodb.database");
        apps().forEach(app -> {
            URI uri = URI.create(variable(app, "SPRING_DATA_MONGODB_URI"));
            assertThat(SERVICES).as(app).containsKey(uri.getHost());
            assertThat(uri.getPath()).as(app).isEqualTo("/" + database);
        });
    }

    @Test
    void datasourceUrlNamesThePostgresServiceItsDatabaseAndCredentials() {
        List<String> postgresApps = appsWith("SPRING_DATASOURCE_URL");
        assertThat(postgresApps).isNotEmpty();
        postgresApps.forEach(app -> {
            URI url = URI.create(variable(app, "SPRING_DATASOURCE_URL").substring("jdbc:".length()));
            String postgres = url.getHost();
            assertThat(SERVICES).as(app).containsKey(postgres);
            assertThat(url.getPath()).as(app).isEqualTo("/" + variable(postgres, "POSTGRES_DB"));
            assertThat(variable(app, "SPRING_DATASOURCE_USERNAME")).as(app).isEqualTo(variable(postgres, "POSTGRES_USER"));
            assertThat(variable(app, "SPRING_DATASOURCE_PASSWORD")).as(app).isEqualTo(variable(postgres, "POSTGRES_PASSWORD"));
        });
    }

    @Test
    void postgresAppsUseNoAxonServerAndAxonServerAppsNoDatasource() {
        appsWith("SPRING_DATASOURCE_URL").forEach(app -> {
            assertThat(springProfiles(app)).as(app).doesNotContain(AXON_SERVER_PROFILE);
            assertThat(environment(app)).as(app).doesNotContainKey("AXON_AXONSERVER_SERVERS");
        });
        apps().stream().filter(app -> springProfiles(app).contains(AXON_SERVER_PROFILE)).forEach(app ->
                assertThat(environment(app)).as(app).doesNotContainKey("SPRING_DATASOURCE_URL"));
    }

    @Test
    void eachAppImageBuildsItsModuleAndRunsItsExecutableJar() throws IOException {
        for (String app : apps()) {
            Map<String, Object> build = map(SERVICES.get(app), "build");
            assertThat(build.get("context")).as(app).isEqualTo(".");
            Path dockerfile = ROOT.resolve(String.valueOf(build.get("dockerfile")));
            assertThat(dockerfile).as(app).exists();
            String module = dockerfile.getParent().getFileName().toString();
            assertThat(Files.readString(dockerfile)).as(app)
                    .containsPattern("-pl\\s+" + Pattern.quote(module) + "\\s")
                    .contains(module + "/target/" + module + "-*-exec.jar");
            Document pom = xml(ROOT.resolve(module).resolve("pom.xml"));
            assertThat(xpath(pom, "/project/artifactId")).isEqualTo(module);
            assertThat(xpath(pom, "//plugin[artifactId='spring-boot-maven-plugin']/configuration/classifier")).as(module).isEqualTo("exec");
        }
    }

    @Test
    void gatewayUpstreamsAreServicesOfItsProfileOnTheServerPort() throws IOException {
        String nginxConf = Files.readString(ROOT.resolve("gateway/nginx.conf")).replaceAll("#[^\n]*", "");
        List<String[]> upstreamServers = upstreamServers(nginxConf);
        assertThat(upstreamServers).isNotEmpty();
        List<String> gateways = gateways();
        assertThat(gateways).isNotEmpty();
        for (String gateway : gateways) {
            Set<String> reachable = hostnamesAlongside(gateway);
            upstreamServers.forEach(server -> {
                assertThat(reachable).as("upstream host of %s", gateway).contains(server[0]);
                assertThat(server[1]).as("upstream port of %s", server[0]).isEqualTo(SERVER_PORT);
            });
        }
    }

    @Test
    void gatewayPublishesPort8080() {
        gateways().forEach(gateway -> assertThat(list(SERVICES.get(gateway), "ports")).as(gateway)
                .anySatisfy(port -> assertThat(String.valueOf(port)).matches("(.+:)?8080:\\d+")));
    }

    @ParameterizedTest(name = "profile {0}")
    @ValueSource(strings = {"axonserver", "postgres"})
    void dockerComposeAcceptsTheFileForEachProfile(String profile) throws Exception {
        // there is no Docker engine where tests run, but docker-compose validates the file without one
        boolean available = new ProcessBuilder("sh", "-c", "command -v docker-compose").start().waitFor() == 0;
        if (System.getenv("CI") == null) {
            assumeTrue(available, "docker-compose is not installed (.ci/run installs it)");
        }
        Process config = new ProcessBuilder("docker-compose", "-f", "docker-compose.yml", "--profile", profile, "config", "-q")
                .directory(ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(config.getInputStream().readAllBytes());
        assertThat(config.waitFor()).as(output).isZero();
    }

    private static List<String> apps() {
        return SERVICES.keySet().stream().filter(name -> SERVICES.get(name).containsKey("build")).toList();
    }

    private static List<String> appsWith(String variable) {
        return apps().stream().filter(app -> environment(app).containsKey(variable)).toList();
    }

    private static List<String> gateways() {
        return servicesOfImage("nginx:");
    }

    private static String axonServer() {
        List<String> axonServers = servicesOfImage("axoniq/axonserver:");
        assertThat(axonServers).hasSize(1);
        return axonServers.get(0);
    }

    private static List<String> servicesOfImage(String prefix) {
        return SERVICES.keySet().stream()
                .filter(name -> String.valueOf(SERVICES.get(name).get("image")).startsWith(prefix))
                .toList();
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> environment = new HashMap<>();
        map(SERVICES.get(service), "environment").forEach((key, value) -> environment.put(key, String.valueOf(value)));
        return environment;
    }

    private static String variable(String service, String name) {
        Map<String, String> environment = environment(service);
        assertThat(environment).as(service).containsKey(name);
        return environment.get(name);
    }

    private static List<String> springProfiles(String app) {
        return Arrays.stream(environment(app).getOrDefault("SPRING_PROFILES_ACTIVE", "").split(","))
                .map(String::strip)
                .filter(profile -> !profile.isEmpty())
                .toList();
    }

    private static List<String> composeProfiles(String service) {
        return list(SERVICES.get(service), "profiles").stream().map(String::valueOf).toList();
    }

    /** A service without profiles runs in every profile, so it is reachable from all. */
    private static Set<String> hostnamesAlongside(String service) {
        List<String> profiles = composeProfiles(service);
        Set<String> hostnames = new HashSet<>();
        SERVICES.forEach((name, other) -> {
            List<String> otherProfiles = composeProfiles(name);
            if (otherProfiles.isEmpty() || otherProfiles.containsAll(profiles)) {
                hostnames.add(name);
                map(other, "networks").values().forEach(network -> hostnames.addAll(
                        list(map(network), "aliases").stream().map(String::valueOf).toList()));
            }
        });
        return hostnames;
    }

    private static Set<String> declaredPorts(String service) {
        Set<String> ports = new HashSet<>();
        list(SERVICES.get(service), "expose").forEach(port -> ports.add(String.valueOf(port)));
        list(SERVICES.get(service), "ports").forEach(mapping -> {
            String[] parts = String.valueOf(mapping).split("/")[0].split(":");
            ports.add(parts[parts.length - 1]);
        });
        return ports;
    }

    private static URI healthcheckUrl(String app) {
        String test = String.join(" ", list(map(SERVICES.get(app), "healthcheck"), "test").stream().map(String::valueOf).toList());
        Matcher url = URL.matcher(test);
        assertThat(url.find()).as("URL in the healthcheck of %s: %s", app, test).isTrue();
        return URI.create(url.group());
    }

    private static List<String[]> upstreamServers(String nginxConf) {
        List<String[]> servers = new ArrayList<>();
        Matcher upstream = UPSTREAM.matcher(nginxConf);
        while (upstream.find()) {
            Matcher server = UPSTREAM_SERVER.matcher(upstream.group(1));
            while (server.find()) {
                servers.add(new String[] {server.group(1), server.group(2)});
            }
        }
        return servers;
    }

    private static Object property(Map<String, Object> yaml, String dottedName) {
        Object value = yaml;
        for (String key : dottedName.split("\\.")) {
            value = map(value).get(key);
        }
        assertThat(value).as(dottedName).isNotNull();
        return value;
    }

    private static Map<String, Map<String, Object>> services(Map<String, Object> compose) {
        Map<String, Map<String, Object>> services = new LinkedHashMap<>();
        map(compose, "services").forEach((name, service) -> services.put(name, map(service)));
        return services;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return parent.containsKey(key) ? map(parent.get(key)) : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static List<?> list(Map<String, Object> parent, String key) {
        Object value = parent.getOrDefault(key, List.of());
        assertThat(value).as(key).isInstanceOf(List.class);
        return (List<?>) value;
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document xml(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
    }

    private static String xpath(Document document, String expression) {
        try {
            return XPathFactory.newInstance().newXPath().evaluate(expression, document).strip();
        } catch (Exception e) {
            throw new IllegalStateException(expression, e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No docker-compose.yml with a pom.xml above " + Path.of("").toAbsolutePath());
    }
}
