package id.mpp.tracker.platform.security;

import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

import static id.mpp.tracker.access.Role.*;

/**
 * Which role may call which endpoint. Object-level rights (only at one's own MPP, only for applications routed
 * to one's agency) are enforced further in: by the aggregate for commands and by the query API for reads.
 */
final class AccessRules {

    private static final String ACTION = "/api/v1/applications/*/";

    private AccessRules() {
    }

    static void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
        // a stream's completion and an error page are dispatched again within a request already authorized
        rules.dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/track/**", "/api/v1/catalogue", "/api/v1/catalogue/**").permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
                        "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                // the web dashboard's page and scripts; its figures come from the API, with the user's key
                .requestMatchers(HttpMethod.GET, "/dashboard", "/dashboard/", "/dashboard/**", "/webjars/**").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/v1/applications").hasAnyRole(names(MPP_OFFICER, DIGITAL_PORTAL))
                .requestMatchers(HttpMethod.POST, actions("return-for-correction", "verify", "reroute", "collect"))
                .hasRole(MPP_OFFICER.name())
                .requestMatchers(HttpMethod.POST, actions("resubmit")).hasAnyRole(names(MPP_OFFICER, DIGITAL_PORTAL))
                .requestMatchers(HttpMethod.POST, actions("start-processing", "request-documents", "complete", "reject"))
                .hasRole(AGENCY_SYSTEM.name())
                .requestMatchers(HttpMethod.POST, actions("provide-documents", "withdraw", "rate")).hasRole(DIGITAL_PORTAL.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/applications/*").hasAnyRole(names(MPP_OFFICER, AGENCY_SYSTEM, AUDITOR))
                .requestMatchers(HttpMethod.GET, "/api/v1/applications")
                .hasAnyRole(names(MPP_OFFICER, AGENCY_SYSTEM, AUDITOR, DASHBOARD_VIEWER, ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/v1/dashboards/**")
                .hasAnyRole(names(MPP_OFFICER, AGENCY_SYSTEM, AUDITOR, DASHBOARD_VIEWER, ADMIN))
                // nationwide acts on a person, not on one MPP's applications: for the data protection officer (admin)
                .requestMatchers(HttpMethod.POST, "/api/v1/data-subjects/*/erasure").hasRole(ADMIN.name())
                .requestMatchers(HttpMethod.GET, "/api/v1/data-subjects/*/access-log").hasAnyRole(names(AUDITOR, ADMIN))
                .requestMatchers(HttpMethod.GET, "/api/v1/audit/**").hasAnyRole(names(AUDITOR, ADMIN))
                .requestMatchers("/api/v1/admin/**").hasRole(ADMIN.name())
                .anyRequest().authenticated();
    }

    private static String[] actions(String... names) {
        String[] paths = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            paths[i] = ACTION + names[i];
        }
        return paths;
    }

    private static String[] names(Enum<?>... roles) {
        String[] names = new String[roles.length];
        for (int i = 0; i < roles.length; i++) {
            names[i] = roles[i].name();
        }
        return names;
    }
}
