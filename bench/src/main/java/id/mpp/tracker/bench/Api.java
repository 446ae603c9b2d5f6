package id.mpp.tracker.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The system's HTTP API as its clients use it, over a pool of kept-alive connections. A blocking client, one
 * connection per thread: the lightest way to drive many requests from a process that shares the machine.
 */
final class Api implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its status, its body (parsed when JSON), and how long it took. */
    record Answer(int status, String body, long nanos) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
            }
        }

        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final String base;
    private final CloseableHttpClient client;

    Api(String base, int connections) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        var pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(connections).setMaxConnPerRoute(connections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofSeconds(5)).setSocketTimeout(Timeout.ofSeconds(60)).build())
                .build();
        this.client = HttpClients.custom().setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.ofSeconds(60)).build())
                .disableAutomaticRetries().disableRedirectHandling().disableCookieManagement().build();
    }

    String base() {
        return base;
    }

    Answer get(String path, String key, String... headers) {
        return send(new HttpGet(base + path), key, null, headers);
    }

    Answer post(String path, String key, String json, String... headers) {
        return send(new HttpPost(base + path), key, json, headers);
    }

    private Answer send(HttpUriRequestBase request, String key, String json, String... headers) {
        if (key != null) {
            request.setHeader("X-Api-Key", key);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        if (json != null) {
            request.setEntity(new StringEntity(json, ContentType.APPLICATION_JSON));
        }
        long started = System.nanoTime();
        try {
            return client.execute(request, response -> new Answer(response.getCode(),
                    response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity()), System.nanoTime() - started));
        } catch (IOException e) {
            // a connection refused or cut counts as an answer of its own kind (status 0), not as the end of the run
            return new Answer(0, e.toString(), System.nanoTime() - started);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
