import java.io.IOException;
import java.io.PrintWriter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;

// A servlet response's content type set on its own statement before the body is written: the last type set on
// every path to the write decides whether the browser parses the body as HTML.
public class XssContentTypeBefore extends HttpServlet {
    public void json(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        PrintWriter out = response.getWriter();
        // ok: java.xss.servlet-writer
        out.print("{\"q\":\"" + request.getParameter("q") + "\"}");
    }

    public void header(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Content-Type", "text/plain; charset=UTF-8");
        // ok: java.xss.servlet-writer
        response.getWriter().println("You asked for " + request.getParameter("q"));
    }

    public void lastWins(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        response.setContentType("text/html;charset=UTF-8");
        // ruleid: java.xss.servlet-writer
        response.getWriter().println("<p>" + request.getParameter("q") + "</p>");
    }

    public void oneBranch(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getParameter("plain") != null) {
            response.setContentType("text/plain");
        }
        // ruleid: java.xss.servlet-writer
        response.getWriter().println("<p>" + request.getParameter("q") + "</p>");
    }

    public void chosen(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean html = "html".equals(request.getParameter("format"));
        response.setContentType(html ? "text/html" : "text/plain");
        // ruleid: java.xss.servlet-writer
        response.getWriter().println(request.getParameter("q"));
    }
}
