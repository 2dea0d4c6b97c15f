import java.io.IOException;
import java.io.PrintWriter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.text.StringEscapeUtils;
import org.owasp.encoder.Encode;
import org.owasp.esapi.ESAPI;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

public class Greeting extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getParameter("name");
        response.setContentType("text/html");
        // ruleid: java.xss.servlet-writer
        response.getWriter().println("<p>Hello " + name + "</p>");
    }

    public void print(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java.xss.servlet-writer
        response.getWriter().print(request.getParameter("q"));
    }

    public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String msg = request.getHeader("X-Message");
        // ruleid: java.xss.servlet-writer
        response.getWriter().write(msg);
    }

    public void writerVariable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = response.getWriter();
        String term = request.getParameter("term");
        out.println("<h1>Results</h1>");
        // ruleid: java.xss.servlet-writer
        out.println("<p>No results for " + term + "</p>");
    }

    public void formatted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user");
        // ruleid: java.xss.servlet-writer
        response.getWriter().format("<b>%s</b>", user);
    }

    public void printf(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter writer = response.getWriter();
        // ruleid: java.xss.servlet-writer
        writer.printf("<i>%s</i> at %s", "now", request.getParameter("where"));
    }

    public void stringFormat(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String html = String.format("<div class=\"%s\">", request.getParameter("cls"));
        // ruleid: java.xss.servlet-writer
        response.getWriter().write(html);
    }

    public void builder(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder sb = new StringBuilder("<ul>");
        for (String v : request.getParameterValues("item")) {
            sb.append("<li>").append(v).append("</li>");
        }
        // ruleid: java.xss.servlet-writer
        response.getWriter().print(sb.toString());
    }

    public void cookie(HttpServletRequest request, HttpServletResponse response) throws IOException {
        for (Cookie c : request.getCookies()) {
            // ruleid: java.xss.servlet-writer
            response.getWriter().println("<p>" + c.getValue() + "</p>");
        }
    }

    public void stream(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java.xss.servlet-writer
        response.getOutputStream().println(request.getQueryString());
    }

    public void appended(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ref = request.getHeader("Referer");
        // ruleid: java.xss.servlet-writer
        response.getWriter().append("<a href=\"" + ref + "\">back</a>");
    }

    public void ternary(HttpServletRequest request, HttpServletResponse response, boolean anon) throws IOException {
        String who = anon ? "guest" : request.getParameter("who");
        PrintWriter pw = response.getWriter();
        // ruleid: java.xss.servlet-writer
        pw.print("<span>" + who + "</span>");
    }

    public void notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        // ruleid: java.xss.servlet-writer
        response.getWriter().println("<p>Not found: " + path + "</p>");
    }

    public void agent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String agent = request.getHeader("User-Agent");
        // ruleid: java.xss.servlet-writer
        response.getOutputStream().print("<pre>" + agent + "</pre>");
    }

    // ---- safe --------------------------------------------------------------------------------

    public void springEscaped(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = HtmlUtils.htmlEscape(request.getParameter("name"));
        // ok: java.xss.servlet-writer
        response.getWriter().println("<p>Hello " + name + "</p>");
    }

    public void owaspEncoder(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ok: java.xss.servlet-writer
        response.getWriter().print("<p>" + Encode.forHtml(request.getParameter("q")) + "</p>");
    }

    public void owaspContent(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PrintWriter out = response.getWriter();
        // ok: java.xss.servlet-writer
        out.println("<p>" + Encode.forHtmlContent(request.getParameter("q")) + "</p>");
    }

    public void esapi(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String safe = ESAPI.encoder().encodeForHTML(request.getParameter("msg"));
        // ok: java.xss.servlet-writer
        response.getWriter().write(safe);
    }

    public void commonsText(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ok: java.xss.servlet-writer
        response.getWriter().write(StringEscapeUtils.escapeHtml4(request.getHeader("X-Note")));
    }

    public void number(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int page = Integer.parseInt(request.getParameter("page"));
        // ok: java.xss.servlet-writer
        response.getWriter().println("<p>Page " + page + "</p>");
    }

    public void constant(HttpServletResponse response) throws IOException {
        // ok: java.xss.servlet-writer
        response.getWriter().println("<p>Hello</p>");
    }

    public void allowListed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String theme = request.getParameter("theme");
        if ("dark".equals(theme) || "light".equals(theme)) {
            // ok: java.xss.servlet-writer
            response.getWriter().println("<body class=\"" + theme + "\">");
        }
    }

    public void logged(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ok: java.xss.servlet-writer
        System.out.println("request for " + request.getParameter("q"));
        // ok: java.xss.servlet-writer
        response.getWriter().println("<p>ok</p>");
    }

    public void overwritten(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String title = request.getParameter("title");
        title = "Home";
        // ok: java.xss.servlet-writer
        response.getWriter().print("<title>" + title + "</title>");
    }

    public void lengthOnly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String q = request.getParameter("q");
        // ok: java.xss.servlet-writer
        response.getWriter().println("<p>" + q.length() + " characters</p>");
    }

    public void escapedBuilder(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder sb = new StringBuilder("<ul>");
        for (String v : request.getParameterValues("item")) {
            sb.append("<li>").append(HtmlUtils.htmlEscape(v)).append("</li>");
        }
        // ok: java.xss.servlet-writer
        response.getWriter().print(sb.toString());
    }

    public void statusOnly(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean found = request.getParameter("id") != null;
        // ok: java.xss.servlet-writer
        response.getWriter().println(found ? "<p>found</p>" : "<p>missing</p>");
    }

    public void plainText(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain");
        // A text/plain response is not parsed as HTML (its type set on the statement before).
        // ok: java.xss.servlet-writer
        response.getWriter().println(request.getParameter("q"));
    }
}

@RestController
class PageController {
    @GetMapping("/hello")
    public ResponseEntity<String> hello(@RequestParam String name) {
        // ruleid: java.xss.servlet-writer
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<h1>Hello " + name + "</h1>");
    }

    @GetMapping("/hello-safe")
    public ResponseEntity<String> helloSafe(@RequestParam String name) {
        // ok: java.xss.servlet-writer
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<h1>Hello " + HtmlUtils.htmlEscape(name) + "</h1>");
    }

    @GetMapping("/count")
    public ResponseEntity<String> count(@RequestParam int n) {
        // ok: java.xss.servlet-writer
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body("<p>" + n + "</p>");
    }
}
