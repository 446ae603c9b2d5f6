package id.mpp.tracker.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class PublicRateLimitFilterTest {

    private final PublicRateLimitFilter filter = new PublicRateLimitFilter(3, new ObjectMapper());

    @Test
    void aClientOverItsBudgetIsToldToComeBackLater() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(track("10.0.0.1").getStatus()).isEqualTo(200);
        }

        MockHttpServletResponse refused = track("10.0.0.1");

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentType()).isEqualTo("application/problem+json");
        assertThat(refused.getContentAsString()).contains("urn:problem-type:mpp-tracker:too-many-requests");
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isPositive();
    }

    @Test
    void eachClientHasABudgetOfItsOwn() throws Exception {
        for (int i = 0; i < 4; i++) {
            track("10.0.0.2");
        }

        assertThat(track("10.0.0.3").getStatus()).isEqualTo(200);
    }

    @Test
    void onlyThePublicTrackingEndpointIsLimited() throws Exception {
        for (int i = 0; i < 10; i++) {
            var response = new MockHttpServletResponse();
            var request = new MockHttpServletRequest("GET", "/api/v1/catalogue/mpps");
            request.setRemoteAddr("10.0.0.4");
            filter.doFilter(request, response, new MockFilterChain());
            assertThat(response.getStatus()).isEqualTo(200);
        }
    }

    private MockHttpServletResponse track(String client) throws Exception {
        var request = new MockHttpServletRequest("GET", "/api/v1/track/22222-22222");
        request.setRemoteAddr(client);
        var response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }
}
