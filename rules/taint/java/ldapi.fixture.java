import java.util.Set;
import javax.naming.directory.DirContext;
import javax.naming.directory.InitialDirContext;
import javax.naming.directory.SearchControls;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.support.LdapEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class Directory {
    private static final Set<String> GROUPS = Set.of("staff", "admins");
    private DirContext ctx;
    private LdapTemplate ldapTemplate;

    public void login(HttpServletRequest request) throws Exception {
        String user = request.getParameter("user");
        SearchControls controls = new SearchControls();
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", "(&(uid=" + user + ")(objectClass=person))", controls);
    }

    public void initial(HttpServletRequest request) throws Exception {
        InitialDirContext dirContext = new InitialDirContext();
        String filter = "(mail=" + request.getParameter("mail") + ")";
        // ruleid: java.ldapi.search-filter
        dirContext.search("dc=example,dc=com", filter, new SearchControls());
    }

    public void base(HttpServletRequest request) throws Exception {
        String ou = request.getParameter("ou");
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=" + ou + ",dc=example,dc=com", "(objectClass=person)", new SearchControls());
    }

    @GetMapping("/people")
    public Object spring(@RequestParam String name) {
        // ruleid: java.ldapi.search-filter
        return ldapTemplate.search("ou=people", "(cn=" + name + ")", (Object attrs) -> attrs);
    }

    public void formatted(HttpServletRequest request) throws Exception {
        String f = String.format("(uid=%s)", request.getHeader("X-User"));
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", f, new SearchControls());
    }

    public void lookup(HttpServletRequest request) throws Exception {
        // ruleid: java.ldapi.search-filter
        ctx.lookup("uid=" + request.getParameter("uid") + ",ou=people,dc=example,dc=com");
    }

    public Object resource(HttpServletRequest request) throws Exception {
        // A JNDI name from input on a fresh context: a remote ldap:// or rmi:// reference loads a class.
        // ruleid: java.ldapi.search-filter
        Object bound = new javax.naming.InitialContext().lookup(request.getParameter("jndiName"));
        // ok: java.ldapi.search-filter
        return new javax.naming.InitialContext().lookup("java:comp/env/jdbc/shop");
    }

    public void filterArgs(HttpServletRequest request) throws Exception {
        // The {0} argument is escaped by the directory provider.
        // ok: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] { request.getParameter("user") }, new SearchControls());
    }

    public void encoded(HttpServletRequest request) throws Exception {
        String user = LdapEncoder.filterEncode(request.getParameter("user"));
        // ok: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", "(uid=" + user + ")", new SearchControls());
    }

    public void allowList(HttpServletRequest request) throws Exception {
        String group = request.getParameter("group");
        if (GROUPS.contains(group)) {
            // ok: java.ldapi.search-filter
            ctx.search("ou=groups,dc=example,dc=com", "(cn=" + group + ")", new SearchControls());
        }
    }

    public void pattern(HttpServletRequest request) throws Exception {
        String uid = request.getParameter("uid");
        if (uid.matches("^[a-z0-9]+$")) {
            // ok: java.ldapi.search-filter
            ctx.search("ou=people,dc=example,dc=com", "(uid=" + uid + ")", new SearchControls());
        }
    }

    public void numeric(HttpServletRequest request) throws Exception {
        int id = Integer.parseInt(request.getParameter("id"));
        // ok: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", "(employeeNumber=" + id + ")", new SearchControls());
    }

    public void constant(HttpServletRequest request) throws Exception {
        // ok: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", "(objectClass=person)", new SearchControls());
    }

    public void notLdap(HttpServletRequest request, java.util.List<String> names) {
        // A string search is not an LDAP query.
        // ok: java.ldapi.search-filter
        names.indexOf(request.getParameter("q"));
    }
}
