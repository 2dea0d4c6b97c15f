import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.sql.Statement;

// Vert.x Web: a route handler takes a RoutingContext (a lambda given to handler(), or a method passed by reference).
public class VertxServer {
    private Statement st;

    void routes(Router router) {
        router.get("/run").handler(rc -> {
            try {
                // ruleid: java.cmdi.exec
                Runtime.getRuntime().exec(rc.request().getParam("cmd"));
            } catch (Exception e) {
                rc.fail(e);
            }
        });
        router.get("/users/:id").handler(this::user);
        router.get("/session").handler(rc -> {
            // Data the server put on the context is not the client's.
            String tenant = rc.get("tenant");
            try {
                // ok: java.sqli.jdbc
                st.executeQuery("SELECT * FROM t WHERE tenant = '" + tenant + "'");
            } catch (Exception e) {
                rc.fail(e);
            }
        });
    }

    void user(RoutingContext rc) {
        try {
            // ruleid: java.sqli.jdbc
            st.executeQuery("SELECT * FROM users WHERE id = '" + rc.pathParam("id") + "'");
            // ruleid: java.sqli.jdbc
            st.executeQuery("SELECT * FROM notes WHERE text = '" + rc.body().asString() + "'");
        } catch (Exception e) {
            rc.fail(e);
        }
    }
}
