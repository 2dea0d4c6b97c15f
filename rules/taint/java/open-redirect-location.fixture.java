import java.net.URI;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// A Location header set by name, or a JAX-RS redirect response, is a redirect like sendRedirect.
@RestController
class SpringLocationController {
    @GetMapping("/go")
    public ResponseEntity<Void> go(@RequestParam String to) {
        // ruleid: java.open-redirect
        return ResponseEntity.status(HttpStatus.FOUND).header("Location", to).build();
    }

    @GetMapping("/go-constant")
    public ResponseEntity<Void> goConstant(@RequestParam String to) {
        return ResponseEntity.status(HttpStatus.FOUND)
            // ok: java.open-redirect
            .header(org.springframework.http.HttpHeaders.LOCATION, "/home")
            .build();
    }

    @GetMapping("/go-headers")
    public ResponseEntity<Void> goHeaders(@RequestParam("next") String next) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        // ruleid: java.open-redirect
        headers.set(org.springframework.http.HttpHeaders.LOCATION, next);
        return new ResponseEntity<>(headers, HttpStatus.SEE_OTHER);
    }

    @GetMapping("/go-local")
    public ResponseEntity<Void> goLocal(@RequestParam("page") String page) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        // A path on this site: the input cannot change the host.
        // ok: java.open-redirect
        headers.add("Location", "/pages/" + page);
        return new ResponseEntity<>(headers, HttpStatus.SEE_OTHER);
    }
}

@Path("/auth")
class JaxRsRedirects {
    @GET
    @Path("/done")
    public Response done(@QueryParam("returnUrl") String returnUrl) {
        // ruleid: java.open-redirect
        return Response.seeOther(URI.create(returnUrl)).build();
    }

    @GET
    @Path("/moved")
    public Response moved(@QueryParam("target") String target) throws Exception {
        // ruleid: java.open-redirect
        return Response.temporaryRedirect(new URI(target)).build();
    }

    @GET
    @Path("/header")
    public Response header(@QueryParam("target") String target) {
        // ruleid: java.open-redirect
        return Response.status(302).header(HttpHeaders.LOCATION, target).build();
    }

    @GET
    @Path("/home")
    public Response home(@QueryParam("target") String target) {
        // ok: java.open-redirect
        return Response.seeOther(URI.create("/home")).build();
    }

    @GET
    @Path("/other-header")
    public Response otherHeader(@QueryParam("lang") String lang) {
        // Not a Location: java.header-injection's, not a redirect.
        // ok: java.open-redirect
        return Response.ok().header("Content-Language", lang.replaceAll("[\\r\\n]", "")).build();
    }
}
