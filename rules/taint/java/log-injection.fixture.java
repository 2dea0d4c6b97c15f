import java.util.logging.Level;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.text.StringEscapeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class Auth {
    private static final Logger LOGGER = LoggerFactory.getLogger(Auth.class);
    private static final java.util.logging.Logger julLogger = java.util.logging.Logger.getLogger("auth");
    private final Logger log = LoggerFactory.getLogger(Auth.class);
    private static final Logger AUDIT_LOG = LoggerFactory.getLogger("audit");

    public void failed(HttpServletRequest request) {
        String user = request.getParameter("user");
        // ruleid: java.log-injection.logger
        log.warn("login failed for " + user);
    }

    public void placeholder(HttpServletRequest request) {
        // SLF4J placeholders insert the value as it is, line breaks included.
        // ruleid: java.log-injection.logger
        LOGGER.info("search for {}", request.getParameter("q"));
    }

    public void secondArg(HttpServletRequest request) {
        // ruleid: java.log-injection.logger
        log.error("{} asked for {}", request.getRemoteAddr(), request.getHeader("X-Resource"));
    }

    @PostMapping("/comment")
    public void spring(@RequestParam String comment) {
        // ruleid: java.log-injection.logger
        LOGGER.debug("new comment: " + comment);
    }

    public void jul(HttpServletRequest request) {
        // ruleid: java.log-injection.logger
        julLogger.log(Level.INFO, "agent " + request.getHeader("User-Agent"));
    }

    public void julInfo(HttpServletRequest request) {
        // ruleid: java.log-injection.logger
        julLogger.info(String.format("path %s", request.getPathInfo()));
    }

    public void stripped(HttpServletRequest request) {
        String user = request.getParameter("user").replaceAll("[\r\n]", "_");
        // ok: java.log-injection.logger
        log.warn("login failed for " + user);
    }

    public void strippedLinebreak(HttpServletRequest request) {
        String q = request.getParameter("q").replaceAll("\\R", " ");
        // ok: java.log-injection.logger
        LOGGER.info("search for {}", q);
    }

    public void replacedBoth(HttpServletRequest request) {
        String ua = request.getHeader("User-Agent").replace("\r", "").replace("\n", "");
        // ok: java.log-injection.logger
        log.info("agent " + ua);
    }

    public void escaped(HttpServletRequest request) {
        // ok: java.log-injection.logger
        log.info("agent " + StringEscapeUtils.escapeJava(request.getHeader("User-Agent")));
    }

    public void numeric(HttpServletRequest request) {
        long id = Long.parseLong(request.getParameter("id"));
        // ok: java.log-injection.logger
        log.info("order " + id);
    }

    public void onlyNewline(HttpServletRequest request) {
        // Removing LF alone leaves CR, which still breaks a line in many log viewers.
        String user = request.getParameter("user").replace("\n", "");
        // ruleid: java.log-injection.logger
        log.warn("login failed for " + user);
    }

    public void auditLog(HttpServletRequest request) {
        // ruleid: java.log-injection.logger
        AUDIT_LOG.info("export by " + request.getHeader("X-User"));
    }

    public void notALogger(HttpServletRequest request, Catalog catalog) {
        // ok: java.log-injection.logger
        catalog.info(request.getParameter("sku"));
    }

    public void constant(HttpServletRequest request) {
        // ok: java.log-injection.logger
        log.info("login page served");
    }
}
