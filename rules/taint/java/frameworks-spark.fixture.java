import static spark.Spark.*;

import java.sql.Statement;
import spark.Request;
import spark.Spark;
import spark.Response;

// Spark Java: routes registered with the statically imported get/post (or Spark.get), handlers (req, res) -> …,
// and methods declared with spark.Request.
public class SparkApp {
    private static Statement st;

    public static void main(String[] args) {
        get("/run", (req, res) -> {
            // ruleid: java.cmdi.exec
            Runtime.getRuntime().exec(req.queryParams("cmd"));
            return "ok";
        });
        post("/users/:id", (req, res) -> {
            // ruleid: java.sqli.jdbc
            st.executeUpdate("DELETE FROM users WHERE id = '" + req.params(":id") + "'");
            return "ok";
        });
        Spark.get("/q", (req, res) -> {
            // ruleid: java.sqli.jdbc
            st.executeQuery("SELECT * FROM t WHERE name = '" + req.body() + "'");
            return "ok";
        });
        get("/me", (req, res) -> {
            // An attribute is what the server's own filters stored on the request.
            String user = req.attribute("user");
            // ok: java.sqli.jdbc
            st.executeQuery("SELECT * FROM users WHERE name = '" + user + "'");
            return "ok";
        });
        get("/typed", SparkApp::search);
    }

    static Object search(Request request, Response response) throws Exception {
        String q = request.queryParams("q");
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM docs WHERE title = '" + q + "'");
        return "ok";
    }
}
