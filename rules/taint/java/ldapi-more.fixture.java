import static org.springframework.ldap.query.LdapQueryBuilder.query;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchScope;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.util.List;
import javax.naming.directory.Attributes;
import javax.naming.directory.DirContext;
import javax.naming.directory.SearchControls;
import org.jboss.resteasy.reactive.RestForm;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.filter.AndFilter;
import org.springframework.ldap.filter.EqualsFilter;
import org.springframework.ldap.support.LdapNameBuilder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

// LDAP filters and names from request data: JNDI, Spring LDAP, UnboundID, across several web frameworks.
public class People {
    private LdapTemplate ldapTemplate;
    private DirContext ctx;
    private LDAPConnection ldapConnection;
    private AttributesMapper<String> mapper;

    // ---- Spring LDAP --------------------------------------------------------------------------

    @PostMapping("/login")
    public boolean authenticate(@RequestParam String username, @RequestParam String password) {
        // LdapTemplate.authenticate(base, filter, password): the filter picks the entry whose password is checked.
        // ruleid: java.ldapi.search-filter
        return ldapTemplate.authenticate("ou=people", "(uid=" + username + ")", password);
    }

    @GetMapping("/people/{cn}")
    public String single(@PathVariable String cn) {
        // ruleid: java.ldapi.search-filter
        return ldapTemplate.searchForObject("ou=people", "(cn=" + cn + ")", ctx -> "found");
    }

    @GetMapping("/raw")
    public List<String> rawQueryFilter(@RequestParam String mail) {
        // LdapQueryBuilder.filter(String) takes the filter as written; only filter(format, params...) encodes.
        // ruleid: java.ldapi.search-filter
        return ldapTemplate.search(query().base("ou=people").filter("(mail=" + mail + ")"), mapper);
    }

    @GetMapping("/where")
    public List<String> whereIs(@RequestParam String mail) {
        // where(...).is(value) encodes the value.
        // ok: java.ldapi.search-filter
        return ldapTemplate.search(query().base("ou=people").where("mail").is(mail), mapper);
    }

    @GetMapping("/format")
    public List<String> formatParams(@RequestParam String mail) {
        // ok: java.ldapi.search-filter
        return ldapTemplate.search(query().base("ou=people").filter("(mail={0})", mail), mapper);
    }

    @GetMapping("/equals")
    public List<String> equalsFilter(@RequestParam String uid) {
        AndFilter filter = new AndFilter();
        filter.and(new EqualsFilter("objectClass", "person"));
        filter.and(new EqualsFilter("uid", uid));
        // Spring LDAP's filter classes escape their values when encoded.
        // ok: java.ldapi.search-filter
        return ldapTemplate.search("ou=people", filter.encode(), mapper);
    }

    @GetMapping("/dn")
    public Object dnBuilder(@RequestParam String uid) {
        // ok: java.ldapi.search-filter
        return ldapTemplate.lookup(LdapNameBuilder.newInstance("ou=people").add("uid", uid).build());
    }

    @PostMapping("/search")
    public List<String> body(@RequestBody String filter) {
        // ruleid: java.ldapi.search-filter
        return ldapTemplate.search("ou=people", filter, mapper);
    }

    // ---- JNDI ---------------------------------------------------------------------------------

    public Attributes attributes(HttpServletRequest request) throws Exception {
        // ruleid: java.ldapi.search-filter
        return ctx.getAttributes("uid=" + request.getParameter("uid") + ",ou=people,dc=example,dc=com");
    }

    public void builder(HttpServletRequest request) throws Exception {
        StringBuilder filter = new StringBuilder("(&(objectClass=person)");
        filter.append("(department=").append(request.getParameter("dept")).append("))");
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", filter.toString(), new SearchControls());
    }

    public void viaHelper(HttpServletRequest request) throws Exception {
        find(request.getHeader("X-Remote-User"));
    }

    private void find(String user) throws Exception {
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", "(uid=" + user + ")", new SearchControls());
    }

    public void reactive(ServerWebExchange exchange) throws Exception {
        String group = exchange.getRequest().getQueryParams().getFirst("group");
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=groups,dc=example,dc=com", "(cn=" + group + ")", new SearchControls());
    }

    public void attributesMatch(HttpServletRequest request) throws Exception {
        javax.naming.directory.BasicAttributes match = new javax.naming.directory.BasicAttributes("uid", request.getParameter("uid"));
        // search(name, matchingAttributes): attribute values are compared, not parsed as a filter.
        // ok: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", match);
    }

    public void typedCheck(HttpServletRequest request) throws Exception {
        String employee = request.getParameter("employee");
        if (!employee.matches("^[0-9]+$")) {
            throw new IllegalArgumentException("employee number");
        }
        // ok: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", "(employeeNumber=" + employee + ")", new SearchControls());
    }

    // ---- UnboundID LDAP SDK -------------------------------------------------------------------

    public SearchResult unboundid(HttpServletRequest request) throws Exception {
        String user = request.getParameter("user");
        // ruleid: java.ldapi.search-filter
        return ldapConnection.search("ou=people,dc=example,dc=com", SearchScope.SUB, "(uid=" + user + ")");
    }

    public SearchResult unboundidParsed(HttpServletRequest request) throws Exception {
        // ruleid: java.ldapi.search-filter
        Filter f = Filter.create("(mail=" + request.getParameter("mail") + ")");
        return ldapConnection.search("ou=people,dc=example,dc=com", SearchScope.SUB, f);
    }

    public SearchResult unboundidEquality(HttpServletRequest request) throws Exception {
        // A Filter built by its factory holds the value as a value.
        // ok: java.ldapi.search-filter
        Filter f = Filter.createEqualityFilter("mail", request.getParameter("mail"));
        return ldapConnection.search("ou=people,dc=example,dc=com", SearchScope.SUB, f);
    }

    public SearchResult unboundidEncoded(HttpServletRequest request) throws Exception {
        String user = Filter.encodeValue(request.getParameter("user"));
        // ok: java.ldapi.search-filter
        return ldapConnection.search("ou=people,dc=example,dc=com", SearchScope.SUB, "(uid=" + user + ")");
    }
}

// ---- JAX-RS / Quarkus / Micronaut ------------------------------------------------------------

@Path("/directory")
class DirectoryResource {
    private DirContext ctx;

    @POST
    public String jaxrs(@FormParam("manager") String manager) throws Exception {
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", "(manager=uid=" + manager + ",ou=people,dc=example,dc=com)", new SearchControls());
        return "ok";
    }

    @POST
    @Path("/q")
    public String quarkus(@RestForm String title) throws Exception {
        String filter = String.join("", "(title=", title, ")");
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=people,dc=example,dc=com", filter, new SearchControls());
        return "ok";
    }

    @POST
    @Path("/n")
    public String quarkusNumber(@RestForm int floor) throws Exception {
        // ok: java.ldapi.search-filter
        ctx.search("ou=rooms,dc=example,dc=com", "(floor=" + floor + ")", new SearchControls());
        return "ok";
    }
}

@Controller("/ldap")
class LdapController {
    private DirContext dirContext;

    @Post("/find")
    public String findUser(@Body String uid) throws Exception {
        // ruleid: java.ldapi.search-filter
        dirContext.search("ou=people,dc=example,dc=com", "(uid=" + uid + ")", new SearchControls());
        return "ok";
    }

    @Post("/lookup")
    public String lookup(@Body String uid) throws Exception {
        // The {0} argument is escaped by the directory provider.
        // ok: java.ldapi.search-filter
        dirContext.search("ou=people,dc=example,dc=com", "(uid={0})", new Object[] { uid }, new SearchControls());
        return "ok";
    }
}

// The application's own escaper named for LDAP (RFC 4515 written out as a loop the analysis cannot judge).
final class LdapFilters {
    static String escape(String value) {
        StringBuilder sb = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '(' -> sb.append("\\28");
                case ')' -> sb.append("\\29");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}

final class TextUtil {
    static String tidy(String value) {
        return value.trim().toLowerCase();
    }
}

class LdapOwnEscaper {
    private javax.naming.directory.DirContext ctx;

    void byCode(javax.servlet.http.HttpServletRequest req) throws Exception {
        String code = req.getParameter("code");
        // ok: java.ldapi.search-filter
        ctx.search("ou=suppliers", "(supplierCode=" + LdapFilters.escape(code) + ")", null);
        // ok: java.ldapi.search-filter
        ctx.search("ou=suppliers", "(supplierCode=" + escapeLdapValue(code) + ")", null);
        // A helper that escapes nothing.
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=suppliers", "(supplierCode=" + TextUtil.tidy(code) + ")", null);
    }

    static String escapeLdapValue(String s) {
        return s.replace("(", "\\28").replace(")", "\\29");
    }
}
