import java.io.IOException;
import java.security.Principal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.beans.factory.annotation.Value;

// Spring MVC binds a handler method's parameters without an annotation from the request too: a simple type as a
// request parameter of its name (as @RequestParam), any other class as a form object (as @ModelAttribute).
@Controller
public class ReportController {
    private DataSource ds;

    public static class Filter {
        private String owner;
        public String getOwner() { return owner; }
        public void setOwner(String owner) { this.owner = owner; }
    }

    @GetMapping("/reports")
    public String find(String name, Model model) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // ruleid: java.sqli.jdbc
            ResultSet rs = st.executeQuery("SELECT * FROM reports WHERE name = '" + name + "'");
            model.addAttribute("rows", rs);
        }
        return "reports";
    }

    @PostMapping("/reports/filter")
    public String filter(@Valid Filter filter, BindingResult result, Model model) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // ruleid: java.sqli.jdbc
            st.executeQuery("SELECT * FROM reports WHERE owner = '" + filter.getOwner() + "'");
        }
        return "reports";
    }

    @RequestMapping(value = "/reports/export", method = RequestMethod.GET)
    public void export(String format, HttpServletResponse response) throws IOException {
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec("report-export --format " + format);
    }

    // A multipart part's text (@RequestPart binds a part as @RequestParam binds a field).
    @PostMapping("/reports/import")
    public String importReport(@RequestPart("meta") String meta) throws IOException {
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec("report-import " + meta);
        return "reports";
    }

    // ---- not findings ----

    @GetMapping("/reports/mine")
    public String mine(Principal principal, @AuthenticationPrincipal Object user, Model model, int page) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // The signed-in user's name, a model, a number: none is text from the request.
            // ok: java.sqli.jdbc
            st.executeQuery("SELECT * FROM reports WHERE owner = '" + principal.getName() + "' LIMIT " + page);
            // ok: java.sqli.jdbc
            st.executeQuery("SELECT * FROM reports WHERE owner = '" + user + "'");
        }
        return "reports";
    }

    @GetMapping("/reports/config")
    public String config(@Value("${reports.dir}") String dir, Model model) throws IOException {
        // A value injected from configuration.
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("ls " + dir);
        return "reports";
    }

    // Not a handler: a helper's parameter is not request input.
    public void helper(String name) throws Exception {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // ok: java.sqli.jdbc
            st.executeQuery("SELECT * FROM reports WHERE name = '" + name + "'");
        }
    }
}
