import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import java.net.URI;
import javax.ws.rs.BeanParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

// HTML bodies and redirects of WebFlux, JAX-RS and Micronaut.
class BannerHandler {
    public Mono<ServerResponse> banner(ServerRequest request) {
        String title = request.queryParam("title").orElse("Featured");
        // ruleid: java.xss.servlet-writer
        return ServerResponse.ok().contentType(MediaType.TEXT_HTML).bodyValue("<h2>" + title + "</h2>");
    }

    public Mono<ServerResponse> json(ServerRequest request) {
        String title = request.queryParam("title").orElse("Featured");
        // ok: java.xss.servlet-writer
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue("{\"t\":\"" + title + "\"}");
    }
}

@Path("/docs")
class PreviewResource {
    @POST
    @Path("/preview")
    public Response preview(@QueryParam("title") String title) {
        // ruleid: java.xss.servlet-writer
        return Response.ok("<h2>" + title + "</h2>", MediaType.TEXT_HTML).build();
    }

    @POST
    @Path("/plain")
    public Response plain(@QueryParam("title") String title) {
        // ok: java.xss.servlet-writer
        return Response.ok("title: " + title, MediaType.TEXT_PLAIN).build();
    }
}

@Controller("/reports")
class DoneController {
    @Get("/done")
    public HttpResponse<?> done(@QueryValue("returnTo") String returnTo) {
        // ruleid: java.open-redirect
        return HttpResponse.redirect(URI.create(returnTo));
    }

    @Get("/home")
    public HttpResponse<?> home(@QueryValue("returnTo") String returnTo) {
        // ok: java.open-redirect
        return HttpResponse.redirect(URI.create("/reports"));
    }
}
