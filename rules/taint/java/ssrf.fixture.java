import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.URLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestTemplate;
import org.springframework.web.reactive.function.client.WebClient;

public class Fetcher {
    private static final Set<String> ALLOWED_HOSTS = Set.of("api.example.com");
    private final HttpClient client = HttpClient.newHttpClient();
    private final RestTemplate restTemplate = new RestTemplate();
    private final OkHttpClient okHttp = new OkHttpClient();
    private final WebClient webClient = WebClient.create();

    public InputStream stream(HttpServletRequest request) throws IOException {
        String url = request.getParameter("url");
        // ruleid: java.ssrf.http-client
        return new URL(url).openStream();
    }

    public int connect(HttpServletRequest request) throws IOException {
        // ruleid: java.ssrf.http-client
        HttpURLConnection c = (HttpURLConnection) new URL(request.getParameter("feed")).openConnection();
        return c.getResponseCode();
    }

    public URLConnection connectVar(HttpServletRequest request) throws IOException {
        URL target = new URL("https://" + request.getParameter("host") + "/status");
        // ruleid: java.ssrf.http-client
        return target.openConnection();
    }

    public String send(HttpServletRequest request) throws Exception {
        String url = request.getParameter("webhook");
        // ruleid: java.ssrf.http-client
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).GET().build();
        return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String sendUri(HttpServletRequest request) throws Exception {
        String url = request.getHeader("X-Callback");
        // ruleid: java.ssrf.http-client
        HttpRequest req = HttpRequest.newBuilder().uri(URI.create(url)).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String rest(HttpServletRequest request) {
        // ruleid: java.ssrf.http-client
        return restTemplate.getForObject(request.getParameter("u"), String.class);
    }

    public String restEntity(HttpServletRequest request) {
        String u = request.getParameter("u");
        // ruleid: java.ssrf.http-client
        return restTemplate.getForEntity(u, String.class).getBody();
    }

    public void restPost(HttpServletRequest request) {
        String hook = request.getParameter("hook");
        // ruleid: java.ssrf.http-client
        restTemplate.postForObject(hook, "{}", String.class);
    }

    public String restExchange(HttpServletRequest request) {
        String u = request.getParameter("u");
        // ruleid: java.ssrf.http-client
        return restTemplate.exchange(u, org.springframework.http.HttpMethod.GET, null, String.class).getBody();
    }

    public String web(HttpServletRequest request) {
        String u = request.getParameter("u");
        // ruleid: java.ssrf.http-client
        return webClient.get().uri(u).retrieve().bodyToMono(String.class).block();
    }

    public String ok(HttpServletRequest request) throws IOException {
        String u = request.getParameter("u");
        // ruleid: java.ssrf.http-client
        Request r = new Request.Builder().url(u).build();
        return okHttp.newCall(r).execute().body().string();
    }

    public String okHost(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // ruleid: java.ssrf.http-client
        Request r = new Request.Builder().url("http://" + host + ":8080/metrics").get().build();
        return okHttp.newCall(r).execute().body().string();
    }

    public String formatted(HttpServletRequest request) {
        String url = String.format("http://%s/api", request.getParameter("svc"));
        // ruleid: java.ssrf.http-client
        return restTemplate.getForObject(url, String.class);
    }

    public String restUri(HttpServletRequest request) {
        String u = request.getParameter("u");
        // ruleid: java.ssrf.http-client
        return restTemplate.getForObject(URI.create(u), String.class);
    }

    // ---- safe --------------------------------------------------------------------------------

    public InputStream fixedUrl() throws IOException {
        // ok: java.ssrf.http-client
        return new URL("https://api.example.com/status").openStream();
    }

    public String pathOnly(HttpServletRequest request) {
        String id = request.getParameter("id");
        // The host is fixed: the input only chooses a path on it.
        // ok: java.ssrf.http-client
        return restTemplate.getForObject("https://api.example.com/items/" + id, String.class);
    }

    public String template(HttpServletRequest request) {
        // URI template variables are encoded by RestTemplate: the input is a path segment.
        // ok: java.ssrf.http-client
        return restTemplate.getForObject("https://api.example.com/items/{id}", String.class, request.getParameter("id"));
    }

    public String allowListed(HttpServletRequest request) {
        String host = request.getParameter("host");
        if (!ALLOWED_HOSTS.contains(host)) {
            throw new IllegalArgumentException("host not allowed");
        }
        // ok: java.ssrf.http-client
        return restTemplate.getForObject("https://" + host + "/status", String.class);
    }

    public String ownOrigin(HttpServletRequest request) {
        String u = request.getParameter("u");
        if (u.startsWith("https://api.example.com/")) {
            // ok: java.ssrf.http-client
            return restTemplate.getForObject(u, String.class);
        }
        return null;
    }

    public String numeric(HttpServletRequest request) {
        int port = Integer.parseInt(request.getParameter("port"));
        // ok: java.ssrf.http-client
        return restTemplate.getForObject("http://localhost:" + port + "/health", String.class);
    }

    public String webPath(HttpServletRequest request) {
        String id = request.getParameter("id");
        // ok: java.ssrf.http-client
        return webClient.get().uri("https://api.example.com/items/{id}", id).retrieve().bodyToMono(String.class).block();
    }

    public URLConnection loggedThenFixed(HttpServletRequest request) throws IOException {
        System.out.println("asked for " + request.getParameter("u"));
        URL status = new URL("https://api.example.com/status");
        // ok: java.ssrf.http-client
        return status.openConnection();
    }

    public String okFixed() throws IOException {
        // ok: java.ssrf.http-client
        Request r = new Request.Builder().url("https://api.example.com/ping").build();
        return okHttp.newCall(r).execute().body().string();
    }

    public String sendFixed() throws Exception {
        // ok: java.ssrf.http-client
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://api.example.com/")).build();
        return client.send(req, HttpResponse.BodyHandlers.ofString()).body();
    }

    public String bodyOnly(HttpServletRequest request) {
        String body = request.getParameter("body");
        // ok: java.ssrf.http-client
        return restTemplate.postForObject("https://api.example.com/notes", body, String.class);
    }

    public String overwritten(HttpServletRequest request) {
        String u = request.getParameter("u");
        u = "https://api.example.com/default";
        // ok: java.ssrf.http-client
        return restTemplate.getForObject(u, String.class);
    }

    public String okPath(HttpServletRequest request) throws IOException {
        String q = request.getParameter("q");
        // ok: java.ssrf.http-client
        Request r = new Request.Builder().url("https://search.example.com/?q=" + q).build();
        return okHttp.newCall(r).execute().body().string();
    }

    public String constantChoice(HttpServletRequest request) {
        String u = "eu".equals(request.getParameter("region")) ? "https://eu.example.com/" : "https://us.example.com/";
        // ok: java.ssrf.http-client
        return restTemplate.getForObject(u, String.class);
    }
}

@RestController
class ProxyController {
    private final RestTemplate rest = new RestTemplate();

    @GetMapping("/proxy")
    public String proxy(@RequestParam String target) {
        // ruleid: java.ssrf.http-client
        return rest.getForObject(target, String.class);
    }

    @GetMapping("/proxy-id")
    public String proxyId(@RequestParam long id) {
        // ok: java.ssrf.http-client
        return rest.getForObject("https://api.example.com/x/" + id, String.class);
    }
}
