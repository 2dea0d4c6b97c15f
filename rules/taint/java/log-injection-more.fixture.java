import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.quarkus.logging.Log;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.logging.Level;
import org.apache.commons.lang3.StringUtils;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.ThreadContext;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;
import org.owasp.encoder.Encode;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

// Request data in log lines: SLF4J (classic and fluent), Log4j 2, java.util.logging, JBoss Logging (Quarkus),
// and the mapped diagnostic context that layouts print beside every line.
public class Access {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(Access.class);
    private static final org.apache.logging.log4j.Logger logger = LogManager.getLogger(Access.class);
    private static final java.util.logging.Logger ACCESS_LOG = java.util.logging.Logger.getLogger("access");

    // ---- Spring MVC (SLF4J, Log4j 2) --------------------------------------------------------

    @GetMapping("/orders/{id}")
    public String pathVariable(@PathVariable String id) {
        // ruleid: java.log-injection.logger
        log.info("order lookup {}", id);
        return "order";
    }

    @GetMapping("/theme")
    public String cookie(@CookieValue("theme") String theme) {
        // ruleid: java.log-injection.logger
        logger.debug("theme cookie: " + theme);
        return "home";
    }

    @GetMapping("/fluent")
    public String fluent(@RequestParam String q) {
        // SLF4J 2 fluent API: the argument is inserted as it is.
        // ruleid: java.log-injection.logger
        log.atInfo().log("search {}", q);
        return "results";
    }

    @GetMapping("/fluent-arg")
    public String fluentArgument(@RequestParam String q) {
        // ruleid: java.log-injection.logger
        log.atWarn().addArgument(q).log("rejected query {}");
        return "results";
    }

    @GetMapping("/levels")
    public String levelArgument(@RequestHeader("X-Client") String client) {
        // Log4j 2 log(level, message, params...)
        // ruleid: java.log-injection.logger
        logger.log(org.apache.logging.log4j.Level.WARN, "unknown client {}", client);
        return "ok";
    }

    @GetMapping("/mdc")
    public String mdc(@RequestHeader("X-Request-Id") String requestId) {
        // The pattern layout prints %X{requestId} on every following line.
        // ruleid: java.log-injection.logger
        MDC.put("requestId", requestId);
        log.info("handling request");
        return "ok";
    }

    @GetMapping("/mdc-checked")
    public String mdcChecked(@RequestHeader("X-Request-Id") String requestId) {
        // ok: java.log-injection.logger
        MDC.put("requestId", UUID.fromString(requestId).toString());
        return "ok";
    }

    @GetMapping("/encoded")
    public String encoded(@RequestParam String q) {
        // ok: java.log-injection.logger
        log.info("search {}", Encode.forJava(q));
        return "results";
    }

    @GetMapping("/normalized")
    public String normalized(@RequestParam String comment) {
        // normalizeSpace turns every run of whitespace, CR and LF included, into one space.
        // ok: java.log-injection.logger
        log.info("comment: {}", StringUtils.normalizeSpace(comment));
        return "ok";
    }

    @GetMapping("/b64")
    public String base64(@RequestParam String payload) {
        // ok: java.log-injection.logger
        log.debug("payload {}", Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8)));
        return "ok";
    }

    @GetMapping("/url")
    public String urlEncoded(@RequestParam String next) {
        // ok: java.log-injection.logger
        logger.info("redirect target " + URLEncoder.encode(next, StandardCharsets.UTF_8));
        return "ok";
    }

    @GetMapping("/size")
    public String sizeOnly(@RequestParam String body) {
        // ok: java.log-injection.logger
        log.info("body of {} characters", body.length());
        return "ok";
    }

    @GetMapping("/typed")
    public String typed(@RequestParam long accountId) {
        // ok: java.log-injection.logger
        log.info("account {}", accountId);
        return "ok";
    }

    @GetMapping("/slug")
    public String slug(@RequestParam String slug) {
        if (!slug.matches("^[a-z0-9-]+$")) {
            return "error";
        }
        // ok: java.log-injection.logger
        log.info("page {}", slug);
        return "page";
    }

    // ---- Spring WebFlux / Servlet -----------------------------------------------------------

    public void reactive(ServerWebExchange exchange) {
        String ref = exchange.getRequest().getQueryParams().getFirst("ref");
        // ruleid: java.log-injection.logger
        ThreadContext.put("ref", ref);
    }

    public void uri(HttpServletRequest request) {
        // ruleid: java.log-injection.logger
        ACCESS_LOG.log(Level.WARNING, "not found: {0}", request.getRequestURI());
    }

    public void cookies(HttpServletRequest request) {
        for (Cookie c : request.getCookies()) {
            // ruleid: java.log-injection.logger
            log.trace("cookie {}={}", c.getName(), c.getValue());
        }
    }

    public void viaHelper(HttpServletRequest request) {
        audit(request.getParameter("action"));
    }

    private void audit(String action) {
        // ruleid: java.log-injection.logger
        logger.info("audit action=" + action);
    }

    public void overloaded(HttpServletRequest request) {
        record(request.getParameter("event"));
    }

    private void record(String event) {
        // Overloads share a name: the call resolves to the one taking one argument.
        // ruleid: java.log-injection.logger
        log.info("event " + event);
    }

    private void record(String event, String detail) {
        log.info("event {} ({})", event, detail.length());
    }

    public void announced(HttpServletRequest request) {
        announce(request.getParameter("who"), 3);
        announce("nightly job");
    }

    private void announce(String who) {
        // Only the two-argument overload is called with the input.
        // ok: java.log-injection.logger
        log.info("announce " + who);
    }

    private void announce(String who, int times) {
        // ruleid: java.log-injection.logger
        log.info("announce " + who + " x" + times);
    }

    public void method(HttpServletRequest request) {
        // The request method is a token the container has parsed, not free text.
        // ok: java.log-injection.logger
        log.info("method {}", request.getMethod());
    }
}

// ---- JAX-RS / Quarkus (JBoss Logging) ----------------------------------------------------------

@Path("/quarkus")
class QuarkusAccess {
    private static final Logger LOG = Logger.getLogger(QuarkusAccess.class);

    @GET
    public String header(@RestHeader("User-Agent") String agent) {
        // ruleid: java.log-injection.logger
        Log.infof("agent %s", agent);
        return "ok";
    }

    @GET
    @Path("/{name}")
    public String path(@PathParam("name") String name) {
        // ruleid: java.log-injection.logger
        LOG.debugv("lookup of {0}", name);
        return "ok";
    }

    @GET
    @Path("/h")
    public String jaxrsHeader(@HeaderParam("X-Forwarded-For") String forwarded) {
        // ruleid: java.log-injection.logger
        LOG.warnf("forwarded for %s", forwarded);
        return "ok";
    }

    @GET
    @Path("/clean")
    public String clean(@RestHeader("User-Agent") String agent) {
        // ok: java.log-injection.logger
        Log.infof("agent %s", agent.replaceAll("\\p{Cntrl}", "?"));
        return "ok";
    }
}

// ---- Micronaut ---------------------------------------------------------------------------------

@Controller("/mn")
class MicronautAccess {
    private static final org.slf4j.Logger LOG = LoggerFactory.getLogger(MicronautAccess.class);

    @Get("/hello")
    public String hello(@QueryValue String name, @Header("Referer") String referer) {
        // ruleid: java.log-injection.logger
        LOG.info("hello {} from {}", name, referer);
        return "hello";
    }

    @Get("/count")
    public String count(@QueryValue int count) {
        // ok: java.log-injection.logger
        LOG.info("count {}", count);
        return "ok";
    }
}
