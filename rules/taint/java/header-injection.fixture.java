import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class Download {
    public void set(HttpServletRequest request, HttpServletResponse response) {
        String name = request.getParameter("name");
        // ruleid: java.header-injection.response-header
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    public void add(HttpServletRequest request, HttpServletResponse response) {
        // ruleid: java.header-injection.response-header
        response.addHeader("X-Request-Id", request.getHeader("X-Request-Id"));
    }

    public void headerName(HttpServletRequest request, HttpServletResponse response) {
        // ruleid: java.header-injection.response-header
        response.setHeader(request.getParameter("h"), "1");
    }

    public void cookie(HttpServletRequest request, HttpServletResponse response) {
        // ruleid: java.header-injection.response-header
        Cookie c = new Cookie("lang", request.getParameter("lang"));
        response.addCookie(c);
    }

    @GetMapping("/export")
    public HttpHeaders spring(@RequestParam String file) {
        HttpHeaders headers = new HttpHeaders();
        // ruleid: java.header-injection.response-header
        headers.add("X-File", file);
        return headers;
    }

    public void stripped(HttpServletRequest request, HttpServletResponse response) {
        String name = request.getParameter("name").replaceAll("[\\r\\n]", "");
        // ok: java.header-injection.response-header
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }

    public void encoded(HttpServletRequest request, HttpServletResponse response) {
        String name = URLEncoder.encode(request.getParameter("name"), StandardCharsets.UTF_8);
        // ok: java.header-injection.response-header
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''" + name);
    }

    public void numeric(HttpServletRequest request, HttpServletResponse response) {
        int size = Integer.parseInt(request.getParameter("size"));
        // ok: java.header-injection.response-header
        response.setHeader("X-Size", "" + size);
    }

    public void constant(HttpServletRequest request, HttpServletResponse response) {
        // ok: java.header-injection.response-header
        response.setHeader("Cache-Control", "no-store");
    }

    public void location(HttpServletRequest request, HttpServletResponse response) {
        // A Location header is an open redirect (java.open-redirect), not reported twice.
        // ok: java.header-injection.response-header
        // ruleid: java.open-redirect
        response.setHeader("Location", request.getParameter("next"));
    }

    public void choice(HttpServletRequest request, HttpServletResponse response) {
        String lang = "fr".equals(request.getParameter("lang")) ? "fr" : "en";
        // ok: java.header-injection.response-header
        response.setHeader("Content-Language", lang);
    }
}
