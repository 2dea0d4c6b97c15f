import java.net.URI;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import org.springframework.web.client.RestTemplate;

// A parsed URI's host checked against the allowed hosts before the request.
public class SsrfHostAllowlist {
    private static final Set<String> PARTNERS = Set.of("api.partner.example");
    private RestTemplate restTemplate;
    private Settings settings;

    interface Settings { Set<String> getAllowedCallbackHosts(); }

    String ping(HttpServletRequest req) {
        URI uri = URI.create(req.getHeader("X-Callback-Url"));
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        if (!https || !settings.getAllowedCallbackHosts().contains(uri.getHost())) {
            throw new IllegalArgumentException("callback host is not registered");
        }
        // ok: java.ssrf.http-client
        return restTemplate.getForObject(uri, String.class);
    }

    String partner(HttpServletRequest req) {
        URI uri = URI.create(req.getParameter("url"));
        if (PARTNERS.contains(uri.getHost())) {
            // ok: java.ssrf.http-client
            return restTemplate.getForObject(uri, String.class);
        }
        return null;
    }

    String fixed(HttpServletRequest req) {
        URI uri = URI.create(req.getParameter("url"));
        if (!uri.getHost().equals("hooks.example.com")) {
            return null;
        }
        // ok: java.ssrf.http-client
        return restTemplate.getForObject(uri, String.class);
    }

    String schemeOnly(HttpServletRequest req) {
        URI uri = URI.create(req.getParameter("url"));
        if (!"https".equals(uri.getScheme())) {
            return null;
        }
        // ruleid: java.ssrf.http-client
        return restTemplate.getForObject(uri, String.class);
    }

    String otherUri(HttpServletRequest req) {
        URI checked = URI.create(req.getParameter("a"));
        URI other = URI.create(req.getParameter("b"));
        if (!PARTNERS.contains(checked.getHost())) {
            return null;
        }
        // ruleid: java.ssrf.http-client
        return restTemplate.getForObject(other, String.class);
    }
}
