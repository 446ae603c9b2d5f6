package id.mpp.tracker.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.mpp.tracker.access.Actor;
import id.mpp.tracker.access.Role;
import id.mpp.tracker.catalogue.AgencyCode;
import id.mpp.tracker.catalogue.MppCode;
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
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Checks that docker-compose.yml, the Dockerfiles, the gateway and the Keycloak realm agree with the apps' own
 * configuration and code.
 */
class DockerComposeWiringTest {

    private static final Path ROOT = repositoryRoot();
    private static final Path PLATFORM_RESOURCES = ROOT.resolve("platform/src/main/resources");
    private static final Map<String, Map<String, Object>> SERVICES = services(yaml(ROOT.resolve("docker-compose.yml")));
    private static final Map<String, Object> DEFAULTS = yaml(PLATFORM_RESOURCES.resolve("mpp-defaults.yml"));
    private static final String SERVER_PORT = String.valueOf(property(DEFAULTS, "server.port"));

    private static final String AXON_SERVER_PROFILE = "axonserver";
    private static final String AXON_SERVER_GRPC_PORT = "8124";
    private static final Pattern URL = Pattern.compile("https?://[^\\s\"']+");
    private static final Pattern UPSTREAM = Pattern.compile("upstream\\s+(\\S+)\\s*\\{([^}]*)}");
    private static final Pattern UPSTREAM_SERVER = Pattern.compile("\\bserver\\s+([^\\s:;]+):(\\d+)[^;]*;");
    private static final Pattern LOCATION = Pattern.compile("location\\s+([^{\\s]+)\\s*\\{([^}]*)}");
    private static final Pattern PROXY_PASS = Pattern.compile("\\bproxy_pass\\s+https?://([^/;\\s]+)");

    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:";
    private static final String KEYCLOAK_IMPORT_DIRECTORY = "/opt/keycloak/data/import/";
    private static final String ISSUER_URI = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    private static final String AUDIENCES = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES";
    private static final Path REALM_FILE = ROOT.resolve("identity/realm-mpp.json");
    private static final Map<String, Object> REALM = json(REALM_FILE);
    private static final Path ACTOR_CONVERTER =
            ROOT.resolve("platform/src/main/java/id/mpp/tracker/platform/security/JwtActorConverter.java");
    private static final Path CATALOGUE = ROOT.resolve("shared-events/src/main/resources/catalogue/catalogue.yaml");
    private static final Pattern CLAIM_READ = Pattern.compile("getClaimAsString\\(\\s*\"([^\"]+)\"\\s*\\)");
    /** The claims naming the account; Keycloak's own scopes (profile, basic) put them into every token. */
    private static final Set<String> ACCOUNT_CLAIMS = Set.of("preferred_username", "sub");
    /** Environment variables in the realm file; lower-case ${...} are message keys of Keycloak's pages. */
    private static final Pattern REALM_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");
    private static final String ROLE_ATTRIBUTE = "mpp_role";
    private static final String MPP_ATTRIBUTE = "mpp_code";
    private static final String AGENCY_ATTRIBUTE = "agency_code";
    private static final String USER_PROFILE_PROVIDER = "org.keycloak.userprofile.UserProfileProvider";

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
            Set<String> keycloak = hostnamesOf(keycloak());
            upstreamServers.forEach(server -> {
                assertThat(reachable).as("upstream host of %s", gateway).contains(server[0]);
                if (keycloak.contains(server[0])) {
                    assertThat(declaredPorts(keycloak())).as("upstream port of %s", server[0]).contains(server[1]);
                } else {
                    assertThat(server[1]).as("upstream port of %s", server[0]).isEqualTo(SERVER_PORT);
                }
            });
        }
    }

    @Test
    void gatewayPublishesPort8080() {
        gateways().forEach(gateway -> assertThat(list(SERVICES.get(gateway), "ports")).as(gateway)
                .anySatisfy(port -> assertThat(String.valueOf(port)).matches("(.+:)?8080:\\d+")));
    }

    @Test
    void keycloakRunsInEveryProfileAndImportsTheRealmFile() {
        String keycloak = keycloak();
        assertThat(composeProfiles(keycloak)).as("profiles of %s", keycloak).isEmpty();
        assertThat(command(keycloak)).as("command of %s", keycloak).contains("--import-realm");
        // Keycloak reads the .json files directly in the import directory, not in its subdirectories
        assertThat(list(SERVICES.get(keycloak), "volumes").stream().map(String::valueOf).toList())
                .as("volumes of %s", keycloak)
                .anySatisfy(volume -> {
                    String[] parts = volume.split(":");
                    assertThat(ROOT.resolve(parts[0]).normalize()).isEqualTo(REALM_FILE);
                    assertThat(parts[1]).startsWith(KEYCLOAK_IMPORT_DIRECTORY).endsWith(".json");
                    assertThat(parts[1].substring(KEYCLOAK_IMPORT_DIRECTORY.length())).doesNotContain("/");
                    assertThat(parts).as("mounted read-only").hasSize(3).endsWith("ro");
                });
    }

    @Test
    void everyAppValidatesTokensOfTheRealmAndWaitsForAHealthyKeycloak() {
        String keycloak = keycloak();
        apps().forEach(app -> {
            URI issuer = URI.create(variable(app, ISSUER_URI));
            assertThat(hostnamesOf(keycloak)).as("issuer host of %s", app).contains(issuer.getHost());
            assertThat(declaredPorts(keycloak)).as("issuer port of %s", app).contains(String.valueOf(port(issuer)));
            assertThat(issuer.getPath()).as("issuer path of %s", app).isEqualTo("/realms/" + realm());
            Map<String, Object> dependencies = map(SERVICES.get(app), "depends_on");
            assertThat(dependencies).as("%s depends on %s", app, keycloak).containsKey(keycloak);
            assertThat(map(dependencies.get(keycloak)).get("condition")).as(app).isEqualTo("service_healthy");
        });
    }

    @Test
    void keycloakIssuesTokensUnderTheIssuerTheAppsValidate() {
        // KC_HOSTNAME pins Keycloak's front-end URL: every token's iss is <KC_HOSTNAME>/realms/<realm>, whichever
        // address the client used, and the apps reject tokens of any other issuer
        String hostname = variable(keycloak(), "KC_HOSTNAME");
        assertThat(hostname).as("KC_HOSTNAME, a URL").matches("https?://[^/]+/?");
        String issuer = hostname.replaceAll("/$", "") + "/realms/" + realm();
        apps().forEach(app -> assertThat(variable(app, ISSUER_URI)).as(app).isEqualTo(issuer));
    }

    @Test
    void keycloakIsGivenEveryEnvironmentVariableTheRealmFileNames() throws IOException {
        Matcher placeholder = REALM_PLACEHOLDER.matcher(Files.readString(REALM_FILE));
        Map<String, String> environment = environment(keycloak());
        while (placeholder.find()) {
            if (placeholder.group(2) == null) {
                assertThat(environment).as("environment of %s", keycloak()).containsKey(placeholder.group(1));
            }
        }
    }

    @Test
    void everyClientOfTheRealmPutsTheClaimsTheAppsReadIntoAccessTokens() throws IOException {
        Set<String> claims = actorClaims();
        assertThat(claims).contains(ROLE_ATTRIBUTE, MPP_ATTRIBUTE, AGENCY_ATTRIBUTE);
        assertThat(clients()).isNotEmpty();
        for (Map<String, Object> client : clients()) {
            List<Map<String, Object>> attributeMappers = mappersOf(client).stream()
                    .filter(mapper -> "oidc-usermodel-attribute-mapper".equals(mapper.get("protocolMapper")))
                    .toList();
            List<String> mapped = new ArrayList<>();
            for (Map<String, Object> mapper : attributeMappers) {
                Map<String, Object> config = map(mapper, "config");
                String claim = String.valueOf(config.get("claim.name"));
                mapped.add(claim);
                assertThat(config).as("mapper %s of %s", mapper.get("name"), client.get("clientId"))
                        .containsEntry("user.attribute", claim)
                        .containsEntry("access.token.claim", "true")
                        .containsEntry("jsonType.label", "String");
            }
            assertThat(mapped).as("claims mapped by %s", client.get("clientId")).containsExactlyInAnyOrderElementsOf(claims);
        }
    }

    @Test
    void everyClientOfTheRealmAddsTheAudienceTheAppsRequire() {
        apps().stream().filter(app -> environment(app).containsKey(AUDIENCES)).forEach(app -> {
            List<String> required = Arrays.stream(variable(app, AUDIENCES).split(",")).map(String::strip).toList();
            clients().forEach(client -> assertThat(mappersOf(client))
                    .as("audience mappers of %s, for %s", client.get("clientId"), app)
                    .anySatisfy(mapper -> {
                        assertThat(mapper.get("protocolMapper")).isEqualTo("oidc-audience-mapper");
                        assertThat(map(mapper, "config")).containsEntry("access.token.claim", "true");
                        assertThat(required).contains(String.valueOf(map(mapper, "config").get("included.custom.audience")));
                    }));
        });
    }

    @Test
    void theRealmsUserProfileKeepsTheClaimAttributesAndOnlyAdministratorsSetThem() throws IOException {
        // Keycloak 24 and later drop, and do not map, user attributes its user profile does not declare unless
        // unmanaged attributes are enabled; users must never set their own role, MPP or agency
        Map<String, Object> profile = userProfile();
        String unmanaged = String.valueOf(profile.get("unmanagedAttributePolicy"));
        Map<String, Map<String, Object>> declared = new HashMap<>();
        list(profile, "attributes").forEach(attribute -> declared.put(String.valueOf(map(attribute).get("name")), map(attribute)));
        for (String claim : actorClaims()) {
            if (declared.containsKey(claim)) {
                Map<String, Object> permissions = map(declared.get(claim), "permissions");
                assertThat(strings(permissions, "edit")).as("who may edit %s", claim).doesNotContain("user");
            } else {
                assertThat(unmanaged).as("%s is not declared: unmanaged attributes", claim).isIn("ADMIN_EDIT", "ADMIN_VIEW");
            }
        }
        Map<String, Object> roleValidations = map(declared.getOrDefault(ROLE_ATTRIBUTE, Map.of()), "validations");
        if (roleValidations.containsKey("options")) {
            assertThat(strings(map(roleValidations, "options"), "options")).as("options of %s", ROLE_ATTRIBUTE)
                    .containsExactlyInAnyOrderElementsOf(Arrays.stream(Role.values()).map(Role::name).toList());
        }
    }

    @Test
    void everyUserOfTheRealmIsAnActorOfTheCatalogue() {
        Map<String, Object> catalogue = yaml(CATALOGUE);
        Set<String> mpps = codes(catalogue, "mpps");
        Set<String> agencies = codes(catalogue, "agencies");
        Set<String> roles = Arrays.stream(Role.values()).map(Role::name).collect(Collectors.toSet());
        List<?> users = list(REALM, "users");
        assertThat(users).isNotEmpty();
        for (Object entry : users) {
            Map<String, Object> user = map(entry);
            String username = String.valueOf(user.get("username"));
            Map<String, Object> attributes = map(user, "attributes");
            String role = single(attributes, ROLE_ATTRIBUTE, username);
            assertThat(role).as("%s of %s", ROLE_ATTRIBUTE, username).isNotNull().isIn(roles);
            String mpp = single(attributes, MPP_ATTRIBUTE, username);
            String agency = single(attributes, AGENCY_ATTRIBUTE, username);
            assertThatCode(() -> new Actor(username, Role.valueOf(role),
                    mpp == null ? null : MppCode.of(mpp), agency == null ? null : AgencyCode.of(agency)))
                    .as(username).doesNotThrowAnyException();
            if (mpp != null) {
                assertThat(mpps).as("%s of %s", MPP_ATTRIBUTE, username).contains(mpp);
            }
            if (agency != null) {
                assertThat(agencies).as("%s of %s", AGENCY_ATTRIBUTE, username).contains(agency);
            }
            if (user.containsKey("serviceAccountClientId")) {
                assertThat(clients()).as("client of %s", username).anySatisfy(client -> {
                    assertThat(client.get("clientId")).isEqualTo(user.get("serviceAccountClientId"));
                    assertThat(client.get("serviceAccountsEnabled")).isEqualTo(true);
                });
            }
        }
    }

    @Test
    void gatewayForwardsOnlyTheRealmAndThePagesStaticFilesToKeycloak() throws IOException {
        String nginxConf = Files.readString(ROOT.resolve("gateway/nginx.conf")).replaceAll("#[^\n]*", "");
        Set<String> keycloak = hostnamesOf(keycloak());
        Set<String> keycloakUpstreams = new HashSet<>();
        Matcher upstream = UPSTREAM.matcher(nginxConf);
        while (upstream.find()) {
            Matcher server = UPSTREAM_SERVER.matcher(upstream.group(2));
            while (server.find()) {
                if (keycloak.contains(server.group(1))) {
                    keycloakUpstreams.add(upstream.group(1));
                }
            }
        }
        Map<String, String> keycloakLocations = new HashMap<>();
        Matcher location = LOCATION.matcher(nginxConf);
        while (location.find()) {
            Matcher proxyPass = PROXY_PASS.matcher(location.group(2));
            if (proxyPass.find() && (keycloakUpstreams.contains(proxyPass.group(1)) || keycloak.contains(proxyPass.group(1).split(":")[0]))) {
                keycloakLocations.put(location.group(1), proxyPass.group(1));
            }
        }
        // the master realm and the administration console stay off the gateway
        assertThat(keycloakLocations.keySet()).containsExactlyInAnyOrder("/realms/" + realm() + "/", "/resources/");
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

    private static String keycloak() {
        List<String> keycloaks = servicesOfImage(KEYCLOAK_IMAGE);
        assertThat(keycloaks).hasSize(1);
        return keycloaks.get(0);
    }

    /** The service's name and its network aliases. */
    private static Set<String> hostnamesOf(String service) {
        Set<String> hostnames = new HashSet<>(Set.of(service));
        map(SERVICES.get(service), "networks").values().forEach(network -> hostnames.addAll(
                list(map(network), "aliases").stream().map(String::valueOf).toList()));
        return hostnames;
    }

    private static List<String> command(String service) {
        Object command = SERVICES.get(service).getOrDefault("command", List.of());
        return command instanceof List<?> parts
                ? parts.stream().map(String::valueOf).toList()
                : Arrays.asList(String.valueOf(command).strip().split("\\s+"));
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    }

    private static String realm() {
        return String.valueOf(REALM.get("realm"));
    }

    private static List<Map<String, Object>> clients() {
        return list(REALM, "clients").stream().map(DockerComposeWiringTest::map).toList();
    }

    /** The client's own protocol mappers and those of its default client scopes defined in the realm file. */
    private static List<Map<String, Object>> mappersOf(Map<String, Object> client) {
        List<Map<String, Object>> mappers = new ArrayList<>();
        list(client, "protocolMappers").forEach(mapper -> mappers.add(map(mapper)));
        List<?> scopes = client.containsKey("defaultClientScopes")
                ? list(client, "defaultClientScopes") : list(REALM, "defaultDefaultClientScopes");
        list(REALM, "clientScopes").stream().map(DockerComposeWiringTest::map)
                .filter(scope -> scopes.contains(scope.get("name")))
                .forEach(scope -> list(scope, "protocolMappers").forEach(mapper -> mappers.add(map(mapper))));
        return mappers;
    }

    private static Map<String, Object> userProfile() throws IOException {
        List<?> providers = list(map(REALM, "components"), USER_PROFILE_PROVIDER);
        assertThat(providers).as("%s component of the realm", USER_PROFILE_PROVIDER).hasSize(1);
        List<?> config = list(map(map(providers.get(0)), "config"), "kc.user.profile.config");
        assertThat(config).hasSize(1);
        return map(new ObjectMapper().readValue(String.valueOf(config.get(0)), Map.class));
    }

    /** The claims JwtActorConverter reads besides the account's name. */
    private static Set<String> actorClaims() throws IOException {
        Set<String> claims = new HashSet<>();
        Matcher read = CLAIM_READ.matcher(Files.readString(ACTOR_CONVERTER));
        while (read.find()) {
            claims.add(read.group(1));
        }
        claims.removeAll(ACCOUNT_CLAIMS);
        return claims;
    }

    private static String single(Map<String, Object> attributes, String name, String user) {
        if (!attributes.containsKey(name)) {
            return null;
        }
        List<?> values = list(attributes, name);
        assertThat(values).as("%s of %s", name, user).hasSize(1);
        return String.valueOf(values.get(0));
    }

    private static Set<String> codes(Map<String, Object> catalogue, String section) {
        return list(catalogue, section).stream().map(entry -> String.valueOf(map(entry).get("code"))).collect(Collectors.toSet());
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
            Matcher server = UPSTREAM_SERVER.matcher(upstream.group(2));
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

    private static List<String> strings(Map<String, Object> parent, String key) {
        return list(parent, key).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), Map.class);
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
