import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Statement;

// Javalin: a handler takes one Context, as a lambda registered on the app or as a method declared with the type.
public class JavalinApp {
    private static Statement st;

    public static void main(String[] args) {
        Javalin app = Javalin.create().start(7070);
        app.get("/run", ctx -> {
            // ruleid: java.cmdi.exec
            Runtime.getRuntime().exec(ctx.queryParam("cmd"));
        });
        app.post("/files/{name}", ctx -> {
            String name = ctx.pathParam("name");
            // ruleid: java.path-traversal.file
            Files.readAllBytes(Paths.get("/srv/files", name));
        });
        app.before("/admin/*", ctx -> {
            // ruleid: java.sqli.jdbc
            st.executeQuery("SELECT * FROM sessions WHERE id = '" + ctx.cookie("sid") + "'");
        });
        app.get("/typed", JavalinApp::byId);
        app.get("/route", ctx -> {
            // The route's own pattern and a validated number are not the client's text.
            // ok: java.sqli.jdbc
            st.executeQuery("SELECT * FROM hits WHERE route = '" + ctx.matchedPath() + "'");
            int id = ctx.queryParamAsClass("id", Integer.class).get();
            // ok: java.sqli.jdbc
            st.executeQuery("SELECT * FROM users WHERE id = " + id);
        });
    }

    public static void byId(Context ctx) throws Exception {
        String body = ctx.body();
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM users WHERE name = '" + body + "'");
    }

    public static void header(Context ctx) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM tenants WHERE id = '" + ctx.header("X-Tenant") + "'");
    }
}
