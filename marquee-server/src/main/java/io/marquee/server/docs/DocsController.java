package io.marquee.server.docs;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The OpenAPI document (a resource kept beside the code) and a Swagger UI page from its webjar. */
public final class DocsController {
    /** Classpath location of the OpenAPI document. */
    public static final String OPENAPI_RESOURCE = "/io/marquee/server/openapi.json";

    private final byte[] openapi;
    private final String swaggerPage;

    public DocsController() {
        this.openapi = read(OPENAPI_RESOURCE);
        String version = swaggerUiVersion();
        String base = "/webjars/swagger-ui/" + version;
        this.swaggerPage = """
                <!doctype html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>Marquee API</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({url: "/api/v1/openapi.json", dom_id: "#swagger-ui",
                      persistAuthorization: true});
                  </script>
                </body>
                </html>
                """.formatted(base);
    }

    public void openapi(Context ctx) {
        ctx.contentType("application/json").result(openapi);
    }

    public void swagger(Context ctx) {
        ctx.html(swaggerPage);
    }

    /** The bytes of the OpenAPI document. */
    public static byte[] read(String resource) {
        try (InputStream in = DocsController.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("resource " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String swaggerUiVersion() {
        try (InputStream in = DocsController.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            }
        } catch (IOException e) {
            // fall through
        }
        throw new IllegalStateException("the swagger-ui webjar is not on the classpath");
    }
}
