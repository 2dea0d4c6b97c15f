import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.session.Session;
import io.vertx.ext.web.RoutingContext;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestQuery;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.springframework.web.util.WebUtils;

// Request data stored in a session across Servlet, Spring MVC/WebFlux, JAX-RS, Micronaut and Quarkus (Vert.x).
public class SessionState {
    private static final Set<String> CURRENCIES = Set.of("EUR", "USD", "GBP");

    // ---- Spring MVC -------------------------------------------------------------------------

    @GetMapping("/locale")
    public String header(@RequestHeader("Accept-Language") String language, HttpSession session) {
        // ruleid: java.trust-boundary.session-attribute
        session.setAttribute("locale", language);
        return "home";
    }

    @GetMapping("/remember")
    public String cookie(@CookieValue("tenant") String tenant, HttpServletRequest request) {
        // ruleid: java.trust-boundary.session-attribute
        request.getSession(false).setAttribute("tenant", tenant);
        return "home";
    }

    @PostMapping("/checkout")
    public String form(@ModelAttribute CheckoutForm checkout, HttpSession session) {
        // A bound form object holds whatever the client posted (a price, a discount code).
        // ruleid: java.trust-boundary.session-attribute
        session.setAttribute("checkout", checkout);
        return "confirm";
    }

    @PostMapping("/wizard")
    public String springUtil(@RequestParam String step, HttpServletRequest request) {
        // ruleid: java.trust-boundary.session-attribute
        WebUtils.setSessionAttribute(request, "wizardStep", step);
        return "wizard";
    }

    @GetMapping("/currency")
    public String allowListed(@RequestParam String currency, HttpSession session) {
        if (!CURRENCIES.contains(currency)) {
            return "error";
        }
        // ok: java.trust-boundary.session-attribute
        session.setAttribute("currency", currency);
        return "home";
    }

    @GetMapping("/page")
    public String typed(@RequestParam int page, @RequestParam UUID basket, HttpSession session) {
        // Spring converted both before the call: a number and a UUID carry no attacker text.
        // ok: java.trust-boundary.session-attribute
        session.setAttribute("page", page);
        // ok: java.trust-boundary.session-attribute
        session.setAttribute("basket", basket);
        return "list";
    }

    @GetMapping("/search")
    public String model(@RequestParam String q, Model model) {
        // The model lives for this request only.
        // ok: java.trust-boundary.session-attribute
        model.addAttribute("q", q);
        return "results";
    }

    @GetMapping("/token")
    public String serverToken(@RequestParam String next, HttpSession session) {
        // ok: java.trust-boundary.session-attribute
        session.setAttribute("csrf", UUID.randomUUID().toString());
        return "form";
    }

    // ---- Servlet ----------------------------------------------------------------------------

    public void allParameters(HttpServletRequest request) {
        // ruleid: java.trust-boundary.session-attribute
        request.getSession().setAttribute("filters", request.getParameterMap());
    }

    public void cookies(HttpServletRequest request) {
        HttpSession session = request.getSession();
        for (Cookie c : request.getCookies()) {
            // ruleid: java.trust-boundary.session-attribute
            session.setAttribute("pref-" + c.getName(), c.getValue());
        }
    }

    public void collected(HttpServletRequest request) {
        Map<String, String> prefs = new HashMap<>();
        prefs.put("theme", request.getParameter("theme"));
        // ruleid: java.trust-boundary.session-attribute
        request.getSession().setAttribute("prefs", prefs);
    }

    public void defaulted(HttpServletRequest request) {
        String referrer = request.getHeader("Referer");
        String from = referrer != null ? referrer : "direct";
        // ruleid: java.trust-boundary.session-attribute
        request.getSession().setAttribute("from", from);
    }

    public void built(HttpServletRequest request) {
        StringBuilder trail = new StringBuilder("visited:");
        trail.append(request.getRequestURI());
        // ruleid: java.trust-boundary.session-attribute
        request.getSession().setAttribute("trail", trail.toString());
    }

    private void remember(HttpSession session, String user) {
        // ruleid: java.trust-boundary.session-attribute
        session.setAttribute("user", user);
    }

    public void viaHelper(HttpServletRequest request) {
        remember(request.getSession(), request.getParameter("user"));
    }

    public void pattern(HttpServletRequest request) {
        String sort = request.getParameter("sort");
        if (!sort.matches("^[a-z_]+$")) {
            return;
        }
        // ok: java.trust-boundary.session-attribute
        request.getSession().setAttribute("sort", sort);
    }

    public void flag(HttpServletRequest request) {
        boolean compact = Boolean.parseBoolean(request.getParameter("compact"));
        // ok: java.trust-boundary.session-attribute
        request.getSession().setAttribute("compact", compact);
    }

    public void readOnly(HttpServletRequest request) {
        // Reading or removing an attribute by a client-chosen name stores nothing.
        // ok: java.trust-boundary.session-attribute
        Object draft = request.getSession().getAttribute("draft-" + request.getParameter("id"));
        // ok: java.trust-boundary.session-attribute
        request.getSession().removeAttribute("draft-" + request.getParameter("id"));
    }

    public void otherVariable(HttpServletRequest request) {
        String requested = request.getParameter("view");
        String view = "summary";
        log(requested);
        // ok: java.trust-boundary.session-attribute
        request.getSession().setAttribute("view", view);
    }

    private void log(String s) {
    }

    // ---- Spring WebFlux ---------------------------------------------------------------------

    public void reactive(ServerWebExchange exchange, WebSession session) {
        String campaign = exchange.getRequest().getQueryParams().getFirst("utm_campaign");
        // ruleid: java.trust-boundary.session-attribute
        session.getAttributes().put("campaign", campaign);
    }

    public void reactiveServerValue(ServerWebExchange exchange, WebSession session) {
        // ok: java.trust-boundary.session-attribute
        session.getAttributes().put("startedAt", System.currentTimeMillis());
    }

    // ---- JAX-RS -----------------------------------------------------------------------------

    @GET
    public String jaxrs(@QueryParam("ref") String ref, @Context HttpServletRequest request) {
        // ruleid: java.trust-boundary.session-attribute
        request.getSession(true).setAttribute("ref", ref);
        return "ok";
    }

    @GET
    public String jaxrsHeader(@HeaderParam("X-Client") String client, @Context HttpServletRequest request) {
        HttpSession session = request.getSession();
        // ruleid: java.trust-boundary.session-attribute
        session.setAttribute("client", client);
        return "ok";
    }

    @GET
    public String jaxrsTyped(@QueryParam("size") int size, @Context HttpServletRequest request) {
        // ok: java.trust-boundary.session-attribute
        request.getSession().setAttribute("size", size);
        return "ok";
    }

    // ---- Quarkus (Vert.x Web session) -------------------------------------------------------

    public void vertx(RoutingContext rc, @RestQuery String plan) {
        // ruleid: java.trust-boundary.session-attribute
        rc.session().put("plan", plan);
    }

    public void vertxServerValue(RoutingContext rc, @RestQuery String plan) {
        int length = plan.length();
        // ok: java.trust-boundary.session-attribute
        rc.session().put("planLength", length);
    }
}

// ---- Micronaut (micronaut-session) -------------------------------------------------------------

@Controller("/cart")
class CartController {
    @Get("/add")
    public String add(@QueryValue String sku, Session session) {
        // ruleid: java.trust-boundary.session-attribute
        session.put("lastSku", sku);
        return "ok";
    }

    @Get("/agent")
    public String agent(@Header("User-Agent") String agent, Session session) {
        // ruleid: java.trust-boundary.session-attribute
        session.put("agent", agent);
        return "ok";
    }

    @Get("/count")
    public String count(@QueryValue int count, Session session) {
        // ok: java.trust-boundary.session-attribute
        session.put("count", count);
        return "ok";
    }
}
