package id.mpp.tracker.platform.security;

import id.mpp.tracker.access.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * API keys, for callers without an identity provider (standalone, tests, systems of agencies that use keys).
 * Only the SHA-256 of each key is configured. Rotation: give the same principal a second key, move the
 * caller over, then remove the old one.
 */
@ConfigurationProperties("mpp.security")
public record ApiKeyProperties(List<ApiKey> apiKeys) {

    public ApiKeyProperties {
        apiKeys = apiKeys == null ? List.of() : List.copyOf(apiKeys);
    }

    /**
     * @param principal the account or system the key belongs to
     * @param sha256    lower-case hex SHA-256 of the key
     */
    public record ApiKey(String principal, String sha256, Role role, String mppCode, String agencyCode) {
    }
}
