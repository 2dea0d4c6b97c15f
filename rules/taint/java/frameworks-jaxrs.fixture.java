import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.Statement;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

// JAX-RS resources (Jakarta REST) and Quarkus RESTEasy Reactive: annotated parameters are request data.
@Path("/items")
public class ItemResource {
    private Statement st;
    private Connection conn;

    @GET
    public String byName(@QueryParam("name") String name) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items WHERE name = '" + name + "'");
        return "ok";
    }

    @GET
    @Path("/{id}")
    public String byId(@PathParam("id") String id) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeUpdate("DELETE FROM items WHERE id = " + id);
        return "ok";
    }

    @POST
    public String save(@FormParam("file") String file) throws Exception {
        // ruleid: java.path-traversal.file
        Files.readAllBytes(Paths.get("/srv/data", file));
        return "ok";
    }

    @GET
    @Path("/h")
    public String header(@HeaderParam("X-Sort") String sort, @CookieParam("lang") String lang) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items ORDER BY " + sort);
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items WHERE lang = '" + lang + "'");
        return "ok";
    }

    @GET
    @Path("/b")
    public String bean(@BeanParam ItemFilter filter) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items WHERE owner = '" + filter.getOwner() + "'");
        return "ok";
    }

    @GET
    @Path("/n/{n}")
    public String typed(@PathParam("n") long n, @QueryParam("limit") int limit) throws Exception {
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items WHERE id = " + n + " LIMIT " + limit);
        return "ok";
    }

    @GET
    @Path("/p")
    public String prepared(@QueryParam("name") String name) throws Exception {
        var ps = conn.prepareStatement("SELECT * FROM items WHERE name = ?");
        ps.setString(1, name);
        // ok: java.sqli.jdbc
        ps.executeQuery();
        return "ok";
    }

    // Quarkus RESTEasy Reactive
    @GET
    @Path("/q")
    public String quarkus(@RestQuery String name, @RestPath String id, @RestHeader("X-Tenant") String tenant) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items WHERE name = '" + name + "'");
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items WHERE id = " + id);
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM " + tenant + ".items");
        return "ok";
    }

    @POST
    @Path("/f")
    public String quarkusForm(@RestForm String file, @RestQuery int page) throws Exception {
        // ruleid: java.path-traversal.file
        Files.delete(Paths.get("/srv/uploads/" + file));
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items OFFSET " + page * 20);
        return "ok";
    }

    @GET
    @Path("/ctx")
    public String context(@Context UriInfo uriInfo, @Context HttpHeaders headers) throws Exception {
        String q = uriInfo.getQueryParameters().getFirst("q");
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items WHERE name = '" + q + "'");
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM " + headers.getHeaderString("X-Tenant") + ".items");
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items LIMIT " + uriInfo.getQueryParameters().size());
        return "ok";
    }

    // No annotation: a parameter the application passes itself, not request data.
    public String internal(String name) throws Exception {
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM items WHERE name = '" + name.trim() + "'");
        return "ok";
    }
}
