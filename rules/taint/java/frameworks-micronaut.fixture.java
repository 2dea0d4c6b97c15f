import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import java.sql.Statement;

// Micronaut controllers: @QueryValue, @PathVariable, @Body and @Header parameters are request data.
@Controller("/books")
public class BookController {
    private Statement st;

    @Get("/search")
    public String search(@QueryValue String title) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM books WHERE title LIKE '%" + title + "%'");
        return "ok";
    }

    @Get("/{isbn}")
    public String byIsbn(@PathVariable String isbn) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM books WHERE isbn = '" + isbn + "'");
        return "ok";
    }

    @Post("/raw")
    public String raw(@Body String sql) throws Exception {
        // ruleid: java.sqli.jdbc
        st.execute(sql);
        return "ok";
    }

    @Get("/tenant")
    public String tenant(@Header("X-Tenant") String tenant) throws Exception {
        // ruleid: java.sqli.jdbc
        st.executeQuery("SELECT * FROM " + tenant + ".books");
        return "ok";
    }

    @Get("/page")
    public String page(@QueryValue Integer page, @QueryValue("size") int size) throws Exception {
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM books LIMIT " + size + " OFFSET " + page);
        return "ok";
    }

    @Get("/count")
    public String count(@QueryValue String title) throws Exception {
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM books LIMIT " + title.length());
        return "ok";
    }

    @Get("/id/{id}")
    public String id(@PathVariable String id) throws Exception {
        long n = Long.parseLong(id);
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM books WHERE id = " + n);
        return "ok";
    }
}
