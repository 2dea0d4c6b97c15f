import java.io.IOException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

// An exception carries what it was thrown with to the catch that handles it: a servlet that prints the message
// reflects the input in it. Followed from a `throw` in the try block, and from a method called there that throws
// with its parameter.
public class RaisedExceptions extends HttpServlet {
    private static String sortKey(String value) {
        if (!value.matches("[a-z_]+")) {
            throw new IllegalArgumentException("cannot sort by " + value);
        }
        return value;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            sortKey(request.getParameter("sort"));
        } catch (IllegalArgumentException e) {
            // ruleid: java.xss.servlet-writer
            response.getWriter().println("<p>" + e.getMessage() + "</p>");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        try {
            if (!id.matches("[0-9]+")) {
                throw new IllegalArgumentException("invalid id " + id);
            }
        } catch (IllegalArgumentException e) {
            // ruleid: java.xss.servlet-writer
            response.getWriter().println(e.getMessage());
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (request.getParameter("id") == null) {
                throw new IllegalArgumentException("missing id");
            }
        } catch (IllegalArgumentException e) {
            // ok: java.xss.servlet-writer
            response.getWriter().println(e.getMessage());
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            sortKey(request.getParameter("sort"));
        } catch (IllegalArgumentException e) {
            // ok: java.xss.servlet-writer
            response.getWriter().println("invalid sort key");
        }
    }
}
