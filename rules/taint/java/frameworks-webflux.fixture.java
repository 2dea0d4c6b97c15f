import java.sql.Statement;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

// Spring WebFlux functional endpoints: handler functions take a ServerRequest.
public class UserHandler {
    private Statement st;

    public Mono<ServerResponse> run(ServerRequest request) throws Exception {
        String cmd = request.queryParam("cmd").orElse("");
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec(cmd);
        return ServerResponse.ok().build();
    }

    public Mono<ServerResponse> byId(ServerRequest request) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM users WHERE id = '" + request.pathVariable("id") + "'");
        return ServerResponse.ok().build();
    }

    public Mono<ServerResponse> attr(ServerRequest request) throws Exception {
        // An attribute is the server's own (a filter put it there).
        Object user = request.attribute("user").orElse("anonymous");
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM users WHERE name = '" + user + "'");
        return ServerResponse.ok().build();
    }

    public RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route()
            .GET("/exec", req -> {
                try {
                    // ruleid: java.cmdi.exec
                    Runtime.getRuntime().exec(req.queryParam("c").get());
                } catch (Exception e) {
                    return ServerResponse.badRequest().build();
                }
                return ServerResponse.ok().build();
            })
            .build();
    }
}
