import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.sql.Statement;
import javax.naming.directory.DirContext;

// A JAX-RS resource method's unannotated parameter is the request entity.
@Path("/suppliers")
public class JaxrsEntity {
    record ContactRequest(String email, String code) {}

    private Statement st;
    private DirContext ctx;

    @POST
    @Path("/contacts")
    public void contacts(ContactRequest request) throws Exception {
        // ruleid: java.ldapi.search-filter
        ctx.search("ou=people", "(mail=" + request.email() + ")", null);
    }

    @POST
    @Path("/raw")
    public void raw(String body) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM notes WHERE body = '" + body + "'");
    }

    @POST
    @Path("/count")
    public void count(long quantity, @Context UriInfo info) throws Exception {
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM stock WHERE qty > " + quantity);
    }

    @POST
    @Path("/async")
    public void async(@Suspended AsyncResponse response, @QueryParam("limit") int limit) throws Exception {
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM stock LIMIT " + response.toString().length() + limit);
    }

    @GET
    @Path("/list")
    public void list(String ignored) throws Exception {
        // A GET has no entity to read: JAX-RS leaves such a parameter empty.
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM notes WHERE body = '" + ignored + "'");
    }
}
