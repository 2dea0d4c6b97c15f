import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import jakarta.servlet.http.HttpServletRequest;

// Flow through methods of the same class: calls use the callee's summary (what it returns, where its
// parameters go), whether the call is unqualified, through `this`, or a static helper of another class here.
public class Accounts {
    private final Connection conn;

    Accounts(Connection conn) {
        this.conn = conn;
    }

    // ---- a helper returns request data --------------------------------------------------------

    private String userName(HttpServletRequest request) {
        return request.getParameter("user");
    }

    public ResultSet byName(HttpServletRequest request) throws SQLException {
        String name = userName(request);
        Statement st = conn.createStatement();
        // ruleid: java.sqli.jdbc
        return st.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    public ResultSet byNameThis(HttpServletRequest request) throws SQLException {
        Statement st = conn.createStatement();
        // ruleid: java.sqli.jdbc
        return st.executeQuery("SELECT * FROM users WHERE name = '" + this.userName(request) + "'");
    }

    // ---- a helper passes its parameter through ------------------------------------------------

    private String quoted(String s) {
        return "'" + s + "'";
    }

    public ResultSet byEmail(HttpServletRequest request) throws SQLException {
        String where = "email = " + quoted(request.getParameter("email"));
        Statement st = conn.createStatement();
        // ruleid: java.sqli.jdbc
        return st.executeQuery("SELECT * FROM users WHERE " + where);
    }

    // ---- a helper's parameter reaches a sink --------------------------------------------------

    private void runTool(String args) throws IOException {
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec("/opt/tools/report " + args);
    }

    public void report(HttpServletRequest request) throws IOException {
        runTool(request.getParameter("args"));
    }

    // ---- static helpers -----------------------------------------------------------------------

    public byte[] avatar(HttpServletRequest request) throws IOException {
        Path p = Storage.under("/srv/avatars", request.getParameter("file"));
        // ruleid: java.path-traversal.file
        return Files.readAllBytes(p);
    }

    public byte[] avatarSafe(HttpServletRequest request) throws IOException {
        Path p = Storage.contained("/srv/avatars", request.getParameter("file"));
        // ok: java.path-traversal.file
        return Files.readAllBytes(p);
    }

    public ResultSet byId(HttpServletRequest request) throws SQLException {
        String id = Storage.digits(request.getParameter("id"));
        Statement st = conn.createStatement();
        // ok: java.sqli.jdbc
        return st.executeQuery("SELECT * FROM users WHERE id = " + id);
    }

    // ---- helpers that do not pass input on ----------------------------------------------------

    private String defaultOrder(String requested) {
        return "created_at";
    }

    public ResultSet ordered(HttpServletRequest request) throws SQLException {
        String order = defaultOrder(request.getParameter("order"));
        Statement st = conn.createStatement();
        // ok: java.sqli.jdbc
        return st.executeQuery("SELECT * FROM users ORDER BY " + order);
    }

    private void audit(String what) {
        System.out.println("audit: " + what);
    }

    public void audited(HttpServletRequest request) throws IOException {
        audit(request.getParameter("action"));
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("sync");
    }

    public void constantTool() throws IOException {
        runTool("--all");
    }
}

final class Storage {
    private Storage() {
    }

    static Path under(String root, String name) {
        return Paths.get(root, name);
    }

    static Path contained(String root, String name) {
        Path base = Paths.get(root).normalize();
        Path p = base.resolve(name).normalize();
        if (!p.startsWith(base)) {
            throw new SecurityException("outside " + root);
        }
        return p;
    }

    static String digits(String s) {
        return String.valueOf(Long.parseLong(s));
    }
}
