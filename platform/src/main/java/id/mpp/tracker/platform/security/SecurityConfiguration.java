package id.mpp.tracker.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.mpp.tracker.platform.web.ApiExceptionHandler;
import id.mpp.tracker.platform.web.ProblemResponses;
import id.mpp.tracker.platform.web.ProblemType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;


/**
 * One principal model whatever the proof: JWTs from an identity provider where one is configured
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}), API keys from configuration everywhere.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ApiKeyProperties apiKeys, ObjectProvider<JwtDecoder> jwtDecoder,
                            ObjectMapper json) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> ProblemResponses.write(json, request, response,
                ProblemType.UNAUTHENTICATED.problem("Authenticate with an API key (X-Api-Key) or a bearer token: "
                        + e.getMessage()));
        AccessDeniedHandler forbidden = (request, response, e) -> ProblemResponses.write(json, request, response,
                ProblemType.FORBIDDEN.problem("Your role may not " + request.getMethod() + " " + ApiExceptionHandler.instanceOf(request.getRequestURI())));
        http.csrf(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new ApiKeyAuthenticationFilter(apiKeys, unauthenticated), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(AccessRules::apply)
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(unauthenticated)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtActorConverter())));
        }
        return http.build();
    }
}
