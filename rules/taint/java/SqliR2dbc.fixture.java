import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import io.r2dbc.spi.Connection;
import reactor.core.publisher.Mono;

// Spring R2DBC's DatabaseClient and the R2DBC SPI.
public class SqliR2dbc {
    private DatabaseClient client;
    private Connection connection;

    public Mono<ServerResponse> search(ServerRequest request) {
        String term = request.queryParam("q").orElse("");
        // ruleid: java.sqli.jdbc
        client.sql("SELECT id FROM products WHERE name ILIKE '%" + term + "%'").fetch().all();
        // ok: java.sqli.jdbc
        client.sql("SELECT id FROM products WHERE name ILIKE :term").bind("term", "%" + term + "%").fetch().all();
        // ruleid: java.sqli.jdbc
        connection.createStatement("DELETE FROM carts WHERE owner = '" + term + "'").execute();
        return ServerResponse.ok().build();
    }
}
