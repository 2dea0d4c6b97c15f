import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class UserDao {
    private static final Set<String> SORTS = Set.of("name", "email");
    private Connection conn;
    private JdbcTemplate jdbcTemplate;

    public ResultSet byName(HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        PreparedStatement ps = stmt.getConnection().prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        return ps.executeQuery();
    }

    public int rename(HttpServletRequest request) throws Exception {
        String id = request.getParameter("id");
        String sql = "UPDATE users SET name = 'x' WHERE id = " + id;
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        return stmt.executeUpdate(sql);
    }

    public void drop(HttpServletRequest request) throws Exception {
        String table = request.getHeader("X-Table");
        Statement statement = conn.createStatement();
        // ruleid: java.sqli.jdbc
        statement.execute("DROP TABLE " + table);
        // ruleid: java.sqli.jdbc
        statement.addBatch("DELETE FROM " + table);
    }

    public ResultSet search(HttpServletRequest request) throws Exception {
        String q = request.getQueryString();
        // ruleid: java.sqli.jdbc
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM docs WHERE title LIKE '%" + q + "%'");
        return ps.executeQuery();
    }

    public ResultSet built(HttpServletRequest request) throws Exception {
        StringBuilder sb = new StringBuilder("SELECT * FROM orders WHERE customer = '");
        sb.append(request.getParameter("customer")).append("'");
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        return stmt.executeQuery(sb.toString());
    }

    public ResultSet formatted(HttpServletRequest request) throws Exception {
        String city = request.getParameter("city");
        String sql = String.format("SELECT * FROM shops WHERE city = '%s'", city);
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        return stmt.executeQuery(sql);
    }

    public ResultSet ternary(HttpServletRequest request, boolean admin) throws Exception {
        String filter = admin ? "1 = 1" : "owner = '" + request.getParameter("owner") + "'";
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        return stmt.executeQuery("SELECT * FROM files WHERE " + filter);
    }

    public void appended(HttpServletRequest request) throws Exception {
        String sql = "DELETE FROM sessions WHERE token = '";
        sql += request.getHeader("X-Token");
        sql += "'";
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        stmt.executeLargeUpdate(sql);
    }

    public void call(HttpServletRequest request) throws Exception {
        String proc = request.getParameter("proc");
        // ruleid: java.sqli.jdbc
        conn.prepareCall("{call " + proc + "(?)}");
    }

    public void cookies(HttpServletRequest request) throws Exception {
        String lang = request.getCookies()[0].getValue();
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        PreparedStatement ps = stmt.getConnection().prepareStatement("SELECT * FROM texts WHERE lang = ?");
        ps.setString(1, lang);
        ps.executeQuery();
    }

    public void loop(HttpServletRequest request) throws Exception {
        Statement stmt = conn.createStatement();
        for (String tag : request.getParameterValues("tag")) {
            // ruleid: java.sqli.jdbc
            PreparedStatement ps = stmt.getConnection().prepareStatement("SELECT * FROM posts WHERE tag = ?");
            ps.setString(1, tag);
            ps.executeQuery();
        }
    }

    public int inlineStatement(HttpServletRequest request) throws Exception {
        String email = request.getParameter("email");
        String name = request.getParameter("name");
        // ruleid: java.sqli.jdbc
        PreparedStatement ps = conn.prepareStatement("UPDATE users SET name = ? WHERE email = ?");
        ps.setString(1, name);
        ps.setString(2, email);
        return ps.executeUpdate();
    }

    public ResultSet search(HttpServletRequest request) throws Exception {
        String q = request.getParameter("q");
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        PreparedStatement ps = stmt.getConnection().prepareStatement("SELECT * FROM posts WHERE title LIKE ? ORDER BY id");
        ps.setString(1, "%" + q + "%");
        return ps.executeQuery();
    }

    public void deferred(HttpServletRequest request, java.util.concurrent.ExecutorService pool) throws Exception {
        String tag = request.getParameter("tag");
        Statement stmt = conn.createStatement();
        // A fix cannot put statements inside an expression lambda: the finding has no rewrite.
        // ruleid: java.sqli.jdbc
        pool.submit(() -> stmt.executeQuery("SELECT * FROM tags WHERE tag = '" + tag + "'"));
    }

    public void joined(HttpServletRequest request) throws Exception {
        String ids = String.join(",", request.getParameterValues("id"));
        Statement stmt = conn.createStatement();
        // ruleid: java.sqli.jdbc
        stmt.executeQuery("SELECT * FROM items WHERE id IN (" + ids + ")");
    }

    public List<Map<String, Object>> template(HttpServletRequest request) {
        String status = request.getParameter("status");
        // ruleid: java.sqli.jdbc
        return jdbcTemplate.queryForList("SELECT * FROM tickets WHERE status = '" + status + "'");
    }

    public void templateUpdate(HttpServletRequest request) {
        String note = request.getParameter("note");
        // ruleid: java.sqli.jdbc
        jdbcTemplate.update("INSERT INTO notes VALUES ('" + note + "')");
        // ruleid: java.sqli.jdbc
        jdbcTemplate.execute("TRUNCATE " + note);
    }

    // ---- safe --------------------------------------------------------------------------------

    public ResultSet prepared(HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        // ok: java.sqli.jdbc
        PreparedStatement ps = conn.prepareStatement("SELECT * FROM users WHERE name = ?");
        ps.setString(1, name);
        // ok: java.sqli.jdbc
        return ps.executeQuery();
    }

    public ResultSet number(HttpServletRequest request) throws Exception {
        int id = Integer.parseInt(request.getParameter("id"));
        Statement stmt = conn.createStatement();
        // ok: java.sqli.jdbc
        return stmt.executeQuery("SELECT * FROM users WHERE id = " + id);
    }

    public ResultSet longId(HttpServletRequest request) throws Exception {
        long id = Long.parseLong(request.getHeader("X-Id"));
        Statement stmt = conn.createStatement();
        // ok: java.sqli.jdbc
        return stmt.executeQuery("SELECT * FROM users WHERE id = " + id);
    }

    public ResultSet constant() throws Exception {
        String sql = "SELECT * FROM users WHERE active = 1";
        Statement stmt = conn.createStatement();
        // ok: java.sqli.jdbc
        return stmt.executeQuery(sql);
    }

    public ResultSet sorted(HttpServletRequest request) throws Exception {
        String sort = request.getParameter("sort");
        Statement stmt = conn.createStatement();
        if ("email".equals(sort)) {
            // ok: java.sqli.jdbc
            return stmt.executeQuery("SELECT * FROM users ORDER BY " + sort);
        }
        // ok: java.sqli.jdbc
        return stmt.executeQuery("SELECT * FROM users ORDER BY name");
    }

    public ResultSet overwritten(HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        name = "guest";
        Statement stmt = conn.createStatement();
        // ok: java.sqli.jdbc
        return stmt.executeQuery("SELECT * FROM users WHERE name = '" + name + "'");
    }

    public void templateArgs(HttpServletRequest request) {
        String status = request.getParameter("status");
        // ok: java.sqli.jdbc
        jdbcTemplate.queryForList("SELECT * FROM tickets WHERE status = ?", status);
        // ok: java.sqli.jdbc
        jdbcTemplate.update("INSERT INTO notes VALUES (?)", status);
    }

    public void builderConstant() throws Exception {
        StringBuilder sb = new StringBuilder("SELECT * FROM orders");
        sb.append(" WHERE paid = 1");
        Statement stmt = conn.createStatement();
        // ok: java.sqli.jdbc
        stmt.executeQuery(sb.toString());
    }

    public void formattedNumber(HttpServletRequest request) throws Exception {
        int page = Integer.parseInt(request.getParameter("page"));
        String sql = String.format("SELECT * FROM posts LIMIT 20 OFFSET %d", page * 20);
        Statement stmt = conn.createStatement();
        // ok: java.sqli.jdbc
        stmt.executeQuery(sql);
    }

    public void notSql(HttpServletRequest request, java.util.concurrent.Executor executor) {
        String name = request.getParameter("name");
        // ok: java.sqli.jdbc
        executor.execute(() -> System.out.println(name));
    }

    public void logged(HttpServletRequest request) throws Exception {
        String name = request.getParameter("name");
        System.out.println("lookup " + name);
        Statement stmt = conn.createStatement();
        // ok: java.sqli.jdbc
        stmt.executeQuery("SELECT count(*) FROM users");
    }

    public void ternaryConstants(HttpServletRequest request) throws Exception {
        String order = "desc".equals(request.getParameter("order")) ? "DESC" : "ASC";
        Statement stmt = conn.createStatement();
        // ok: java.sqli.jdbc
        stmt.executeQuery("SELECT * FROM users ORDER BY name " + order);
    }
}

@RestController
class UserController {
    private JdbcTemplate jdbcTemplate;
    private Connection conn;

    @GetMapping("/users")
    public List<Map<String, Object>> find(@RequestParam String name) {
        // ruleid: java.sqli.jdbc
        return jdbcTemplate.queryForList("SELECT * FROM users WHERE name = '" + name + "'");
    }

    @GetMapping("/users/{id}")
    public Map<String, Object> one(@PathVariable("id") String id) {
        String sql = "SELECT * FROM users WHERE id = " + id;
        // ruleid: java.sqli.jdbc
        return jdbcTemplate.queryForMap(sql);
    }

    @GetMapping("/count")
    public Integer count(@RequestParam int minAge) {
        // ok: java.sqli.jdbc
        return jdbcTemplate.queryForObject("SELECT count(*) FROM users WHERE age > " + minAge, Integer.class);
    }

    @GetMapping("/page")
    public List<Map<String, Object>> page(@RequestParam String name, String unannotated) {
        // ok: java.sqli.jdbc
        jdbcTemplate.queryForList("SELECT * FROM users WHERE name = ?", name);
        // Spring binds an unannotated simple parameter as the request parameter of its name (as @RequestParam).
        // ruleid: java.sqli.jdbc
        return jdbcTemplate.queryForList("SELECT * FROM users WHERE name = '" + unannotated + "'");
    }
}
