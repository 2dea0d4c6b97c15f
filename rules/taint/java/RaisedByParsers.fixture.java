import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

// Parsers that throw on bad input put it in the message as it is (`Integer.parseInt("x")`: NumberFormatException
// "For input string: \"x\""), so a servlet that prints the message reflects the input.
public class RaisedByParsers extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            int page = Integer.parseInt(request.getParameter("page"));
            response.getWriter().println("page " + page);
        } catch (NumberFormatException e) {
            // ruleid: java.xss.servlet-writer
            response.getWriter().println("<p>" + e.getMessage() + "</p>");
        }
        try {
            UUID id = UUID.fromString(request.getParameter("id"));
            response.getWriter().println(id.toString());
        } catch (IllegalArgumentException e) {
            // ruleid: java.xss.servlet-writer
            response.getWriter().println(e.getMessage());
        }
        try {
            LocalDate day = LocalDate.parse(request.getParameter("day"));
            response.getWriter().println(day.getYear());
        } catch (RuntimeException e) {
            // ruleid: java.xss.servlet-writer
            response.getWriter().println(e.getMessage());
        }
        try {
            long limit = Long.parseLong("100");
            response.getWriter().println(limit);
        } catch (NumberFormatException e) {
            // ok: java.xss.servlet-writer
            response.getWriter().println(e.getMessage());
        }
    }
}
