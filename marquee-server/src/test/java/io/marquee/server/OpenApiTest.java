package io.marquee.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.marquee.server.ServerFixture.Reply;
import io.marquee.server.docs.DocsController;
import io.marquee.server.http.Json;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The OpenAPI document matches the route table both ways, and the docs are served openly. */
class OpenApiTest {
    static ServerFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ServerFixture();
    }

    @AfterAll
    static void stop() throws Exception {
        f.close();
    }

    static Set<String> documented(JsonNode doc) {
        Set<String> out = new TreeSet<>();
        Iterator<String> paths = doc.get("paths").fieldNames();
        while (paths.hasNext()) {
            String p = paths.next();
            doc.get("paths").get(p).fieldNames().forEachRemaining(m -> out.add(m.toUpperCase(Locale.ROOT) + " " + p));
        }
        return out;
    }

    @Test
    void every_route_in_the_route_table_is_in_the_OpenAPI_document_and_the_reverse() throws Exception {
        JsonNode doc = Json.mapper().readTree(DocsController.read(DocsController.OPENAPI_RESOURCE));
        Set<String> routes = new TreeSet<>();
        for (Route r : Routes.table(f.services)) {
            if (r.path().startsWith(Routes.API + "/")) {
                routes.add(r.method() + " " + r.path());
            }
        }
        assertThat(documented(doc)).isEqualTo(routes);
    }

    @Test
    void every_secured_route_is_documented_as_secured_and_open_ones_as_open() throws Exception {
        JsonNode doc = Json.mapper().readTree(DocsController.read(DocsController.OPENAPI_RESOURCE));
        for (Route r : Routes.table(f.services)) {
            if (!r.path().startsWith(Routes.API + "/")) {
                continue;
            }
            JsonNode op = doc.get("paths").get(r.path()).get(r.method().toLowerCase(Locale.ROOT));
            boolean open = op.has("security") && op.get("security").isEmpty();
            assertThat(open).as(r.method() + " " + r.path()).isEqualTo(r.access() == io.marquee.server.auth.Access.OPEN);
        }
    }

    @Test
    void the_OpenAPI_document_and_the_Swagger_UI_page_are_served_without_a_token() {
        Reply doc = f.get("/api/v1/openapi.json", null);
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.json().get("openapi").asText()).startsWith("3.");
        Reply ui = f.get("/api/docs", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.text()).contains("swagger-ui-bundle.js").contains("/api/v1/openapi.json");
        String bundle = ui.text().replaceAll("(?s).*src=\"([^\"]+swagger-ui-bundle.js)\".*", "$1");
        assertThat(f.get(bundle, null).status()).isEqualTo(200);
    }
}
