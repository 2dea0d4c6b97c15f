import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class Profile {
    private static final Set<String> THEMES = Set.of("light", "dark");

    public void role(HttpServletRequest request) {
        // ruleid: java.trust-boundary.session-attribute
        request.getSession().setAttribute("role", request.getParameter("role"));
    }

    public void held(HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        String user = request.getHeader("X-User");
        // ruleid: java.trust-boundary.session-attribute
        session.setAttribute("user", user);
    }

    public void legacy(HttpServletRequest request) {
        HttpSession sess = request.getSession();
        // ruleid: java.trust-boundary.session-attribute
        sess.putValue("account", request.getParameter("account"));
    }

    @PostMapping("/tenant")
    public void spring(@RequestParam String tenant, HttpSession httpSession) {
        // ruleid: java.trust-boundary.session-attribute
        httpSession.setAttribute("tenant", tenant);
    }

    public void built(HttpServletRequest request) {
        String key = "cart-" + request.getParameter("cart");
        // ruleid: java.trust-boundary.session-attribute
        request.getSession().setAttribute("cart", key);
    }

    public void allowed(HttpServletRequest request) {
        String theme = request.getParameter("theme");
        if (THEMES.contains(theme)) {
            // ok: java.trust-boundary.session-attribute
            request.getSession().setAttribute("theme", theme);
        }
    }

    public void numeric(HttpServletRequest request) {
        int page = Integer.parseInt(request.getParameter("page"));
        // ok: java.trust-boundary.session-attribute
        request.getSession().setAttribute("page", page);
    }

    public void serverValue(HttpServletRequest request) {
        // ok: java.trust-boundary.session-attribute
        request.getSession().setAttribute("loginTime", System.currentTimeMillis());
    }

    public void requestAttribute(HttpServletRequest request) {
        // A request attribute lives for this request only.
        // ok: java.trust-boundary.session-attribute
        request.setAttribute("q", request.getParameter("q"));
    }

    public void choice(HttpServletRequest request) {
        String lang = "de".equals(request.getParameter("lang")) ? "de" : "en";
        // ok: java.trust-boundary.session-attribute
        request.getSession().setAttribute("lang", lang);
    }
}
