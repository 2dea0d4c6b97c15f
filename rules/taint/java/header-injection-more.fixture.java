import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;
import org.owasp.encoder.Encode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

// Input in response headers and cookies across Spring MVC/WebFlux, JAX-RS, Quarkus, Micronaut and Servlet.
public class Headers {
    private static final Set<String> ORIGINS = Set.of("https://app.example.com", "https://admin.example.com");

    // ---- Spring MVC -------------------------------------------------------------------------

    @GetMapping("/files/{name}")
    public ResponseEntity<byte[]> download(@PathVariable String name) {
        // ruleid: java.header-injection.response-header
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"" + name + "\"").body(new byte[0]);
    }

    @GetMapping("/trace")
    public ResponseEntity<String> echo(@RequestHeader("X-Trace-Id") String traceId) {
        HttpHeaders headers = new HttpHeaders();
        // ruleid: java.header-injection.response-header
        headers.set("X-Trace-Id", traceId);
        return new ResponseEntity<>("ok", headers, 200);
    }

    @GetMapping("/prefs")
    public void springCookie(ServerWebExchange exchange) {
        // Spring's ResponseCookie checks its value against RFC 6265 and refuses CR, LF and spaces.
        String theme = exchange.getRequest().getQueryParams().getFirst("theme");
        // ok: java.header-injection.response-header
        exchange.getResponse().addCookie(ResponseCookie.from("theme", theme).path("/").build());
    }

    @GetMapping("/cors")
    public ResponseEntity<String> cors(@RequestHeader("Origin") String origin) {
        if (!ORIGINS.contains(origin)) {
            return ResponseEntity.status(403).build();
        }
        // ok: java.header-injection.response-header
        return ResponseEntity.ok().header("Access-Control-Allow-Origin", origin).body("ok");
    }

    @GetMapping("/export")
    public ResponseEntity<String> encodedName(@RequestParam String name) {
        String safe = URLEncoder.encode(name, StandardCharsets.UTF_8);
        // ok: java.header-injection.response-header
        return ResponseEntity.ok().header("Content-Disposition", "attachment; filename*=UTF-8''" + safe).body("");
    }

    @GetMapping("/state")
    public ResponseEntity<String> base64(@RequestParam String state) {
        // The basic and URL-safe Base64 alphabets hold no line breaks.
        String token = Base64.getUrlEncoder().encodeToString(state.getBytes(StandardCharsets.UTF_8));
        // ok: java.header-injection.response-header
        return ResponseEntity.ok().header("X-State", token).body("");
    }

    @GetMapping("/mime")
    public ResponseEntity<String> mimeBase64(@RequestParam String note) {
        // The MIME encoder breaks its output into lines with CRLF.
        String encoded = Base64.getMimeEncoder().encodeToString(note.getBytes(StandardCharsets.UTF_8));
        // ruleid: java.header-injection.response-header
        return ResponseEntity.ok().header("X-Note", encoded).body("");
    }

    @GetMapping("/proxy")
    public String outgoing(@RequestParam String token) {
        // A header on an outgoing request: java.net.http rejects CR and LF in header values itself.
        // ok: java.header-injection.response-header
        HttpRequest req = HttpRequest.newBuilder(URI.create("https://api.example.com/")).header("X-Token", token).build();
        return req.toString();
    }

    // ---- Spring WebFlux ---------------------------------------------------------------------

    public void reactive(ServerWebExchange exchange) {
        String lang = exchange.getRequest().getQueryParams().getFirst("lang");
        // ruleid: java.header-injection.response-header
        exchange.getResponse().getHeaders().add("Content-Language", lang);
    }

    public void reactiveStripped(ServerWebExchange exchange) {
        String lang = exchange.getRequest().getQueryParams().getFirst("lang").replaceAll("[\\r\\n]", "");
        // ok: java.header-injection.response-header
        exchange.getResponse().getHeaders().add("Content-Language", lang);
    }

    // ---- JAX-RS / Quarkus -------------------------------------------------------------------

    @GET
    @Path("/report")
    public Response jaxrs(@QueryParam("title") String title) {
        // ruleid: java.header-injection.response-header
        return Response.ok("report").header("X-Report-Title", title).build();
    }

    @GET
    @Path("/session")
    public Response jaxrsCookie(@HeaderParam("X-Session") String session) {
        // ruleid: java.header-injection.response-header
        return Response.ok().cookie(new NewCookie("session", session)).build();
    }

    @GET
    @Path("/q")
    public Response quarkus(@RestQuery String callback, @RestHeader("X-Request-Id") String requestId) {
        Response.ResponseBuilder responseBuilder = Response.ok("done");
        // ruleid: java.header-injection.response-header
        responseBuilder.header("X-Request-Id", requestId);
        return responseBuilder.build();
    }

    @GET
    @Path("/size")
    public Response jaxrsTyped(@QueryParam("size") int size) {
        // ok: java.header-injection.response-header
        return Response.ok().header("X-Page-Size", size).build();
    }

    @GET
    @Path("/encoded")
    public Response jaxrsEncoded(@QueryParam("ref") String ref) {
        // ok: java.header-injection.response-header
        return Response.ok().header("X-Ref", Encode.forUriComponent(ref)).build();
    }

    // ---- Servlet ----------------------------------------------------------------------------

    public void queryString(HttpServletRequest request, HttpServletResponse response) {
        // ruleid: java.header-injection.response-header
        response.addHeader("X-Original-Query", request.getQueryString());
    }

    public void viaHelper(HttpServletRequest request, HttpServletResponse response) {
        tag(response, request.getParameter("tag"));
    }

    private void tag(HttpServletResponse response, String value) {
        // ruleid: java.header-injection.response-header
        response.setHeader("X-Tag", value);
    }

    public void checked(HttpServletRequest request, HttpServletResponse response) {
        String version = request.getParameter("v");
        if (version.matches("^[0-9.]+$")) {
            // ok: java.header-injection.response-header
            response.setHeader("X-Api-Version", version);
        }
    }

    public void length(HttpServletRequest request, HttpServletResponse response) {
        String body = request.getParameter("body");
        // ok: java.header-injection.response-header
        response.setHeader("X-Body-Length", String.valueOf(body.length()));
    }

    public void crFirst(HttpServletRequest request, HttpServletResponse response) {
        String ua = request.getHeader("User-Agent").replace("\n", " ").replace("\r", " ");
        // ok: java.header-injection.response-header
        response.setHeader("X-Seen-Agent", ua);
    }

    public void readHeader(HttpServletRequest request, HttpServletResponse response) {
        // Reading a response header by a client-chosen name writes nothing.
        // ok: java.header-injection.response-header
        String current = response.getHeader(request.getParameter("name"));
    }
}

// ---- Micronaut -----------------------------------------------------------------------------

@Controller("/m")
class MicronautHeaders {
    @Get("/download")
    public HttpResponse<String> download(@QueryValue String file) {
        // ruleid: java.header-injection.response-header
        return HttpResponse.ok("data").header("Content-Disposition", "attachment; filename=" + file);
    }

    @Get("/device")
    public HttpResponse<String> device(@Header("X-Device") String device) {
        // ruleid: java.header-injection.response-header
        return HttpResponse.ok("ok").header("X-Device", device);
    }

    @Get("/count")
    public HttpResponse<String> count(@QueryValue Integer count) {
        // ok: java.header-injection.response-header
        return HttpResponse.ok("ok").header("X-Count", "" + count);
    }
}
