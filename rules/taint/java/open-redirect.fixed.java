import java.io.IOException;
import java.net.URI;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

public class LoginServlet {
    private static final Set<String> ALLOWED_TARGETS = Set.of("/home", "/account");

    public void afterLogin(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: java.open-redirect
        response.sendRedirect(next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/");
    }

    public void direct(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ruleid: java.open-redirect
        response.sendRedirect(request.getParameter("returnTo").startsWith("/") && !request.getParameter("returnTo").startsWith("//") && !request.getParameter("returnTo").startsWith("/\\") ? request.getParameter("returnTo") : "/");
    }

    public void referer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String back = request.getHeader("Referer");
        // ruleid: java.open-redirect
        response.sendRedirect(back.startsWith("/") && !back.startsWith("//") && !back.startsWith("/\\") ? back : "/");
    }

    public void header(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(302);
        // ruleid: java.open-redirect
        response.setHeader("Location", request.getParameter("url").startsWith("/") && !request.getParameter("url").startsWith("//") && !request.getParameter("url").startsWith("/\\") ? request.getParameter("url") : "/");
    }

    public void addHeader(HttpServletRequest request, HttpServletResponse response) {
        String target = request.getParameter("target");
        response.setStatus(303);
        // ruleid: java.open-redirect
        response.addHeader("Location", target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/");
    }

    public void prefixed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String host = request.getParameter("host");
        // ruleid: java.open-redirect
        response.sendRedirect(("https://" + host + "/welcome").startsWith("/") && !("https://" + host + "/welcome").startsWith("//") && !("https://" + host + "/welcome").startsWith("/\\") ? ("https://" + host + "/welcome") : "/");
    }

    public void ternary(HttpServletRequest request, HttpServletResponse response, boolean deflt) throws IOException {
        String to = deflt ? "/home" : request.getParameter("to");
        // ruleid: java.open-redirect
        response.sendRedirect(to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : "/");
    }

    public void weakCheck(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // "//evil.example" also starts with "/": a protocol-relative URL leaves the site.
        if (next.startsWith("/")) {
            // ruleid: java.open-redirect
            response.sendRedirect(next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/");
        }
    }

    public void formatted(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: java.open-redirect
        response.sendRedirect((String.format("%s?welcome=1", next)).startsWith("/") && !(String.format("%s?welcome=1", next)).startsWith("//") && !(String.format("%s?welcome=1", next)).startsWith("/\\") ? (String.format("%s?welcome=1", next)) : "/");
    }

    public void encoded(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ruleid: java.open-redirect
        response.sendRedirect(response.encodeRedirectURL(next).startsWith("/") && !response.encodeRedirectURL(next).startsWith("//") && !response.encodeRedirectURL(next).startsWith("/\\") ? response.encodeRedirectURL(next) : "/");
    }

    public void lowerCaseHeader(HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(302);
        // ruleid: java.open-redirect
        response.setHeader("location", request.getParameter("u").startsWith("/") && !request.getParameter("u").startsWith("//") && !request.getParameter("u").startsWith("/\\") ? request.getParameter("u") : "/");
    }

    // ---- safe --------------------------------------------------------------------------------

    public void relative(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\")) {
            // ok: java.open-redirect
            response.sendRedirect(next);
        }
    }

    public void relativeNoBackslash(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")) {
            // ok: java.open-redirect
            response.sendRedirect(next);
        }
    }

    public void relativeOrHome(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        // ok: java.open-redirect
        response.sendRedirect(next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/");
    }

    public void allowListed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (ALLOWED_TARGETS.contains(next)) {
            // ok: java.open-redirect
            response.sendRedirect(next);
        }
    }

    public void allowListedEarlyExit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (!ALLOWED_TARGETS.contains(next)) {
            response.sendError(400);
            return;
        }
        // ok: java.open-redirect
        response.sendRedirect(next);
    }

    public void ownSite(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String next = request.getParameter("next");
        if (next.startsWith("https://shop.example.com/")) {
            // ok: java.open-redirect
            response.sendRedirect(next);
        }
    }

    public void sitePath(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // ok: java.open-redirect
        response.sendRedirect("/search?q=" + request.getParameter("q"));
    }

    public void fixedTarget(HttpServletResponse response) throws IOException {
        // ok: java.open-redirect
        response.sendRedirect("/login");
    }

    public void numericPage(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int page = Integer.parseInt(request.getParameter("page"));
        // ok: java.open-redirect
        response.sendRedirect("/list?page=" + page);
    }

    public void otherHeader(HttpServletRequest request, HttpServletResponse response) {
        // ok: java.open-redirect
        // ruleid: java.header-injection.response-header
        response.setHeader("X-Trace", request.getHeader("X-Trace"));
    }

    public void constantChoice(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = "admin".equals(request.getParameter("role")) ? "/admin" : "/home";
        // ok: java.open-redirect
        response.sendRedirect(to);
    }
}

@Controller
class RedirectController {
    @GetMapping("/go")
    public String go(@RequestParam String url) {
        // ruleid: java.open-redirect
        return "redirect:" + (url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/");
    }

    @GetMapping("/view")
    public RedirectView view(@RequestParam("to") String to) {
        // ruleid: java.open-redirect
        return new RedirectView(to.startsWith("/") && !to.startsWith("//") && !to.startsWith("/\\") ? to : "/");
    }

    @GetMapping("/mav")
    public ModelAndView mav(@RequestParam String next) {
        // ruleid: java.open-redirect
        return new ModelAndView("redirect:" + (next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/"));
    }

    @GetMapping("/entity")
    public ResponseEntity<Void> entity(@RequestParam String target) {
        // ruleid: java.open-redirect
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target.startsWith("/") && !target.startsWith("//") && !target.startsWith("/\\") ? target : "/")).build();
    }

    @GetMapping("/headers")
    public ResponseEntity<Void> headers(@RequestHeader("X-Return") String ret) {
        HttpHeaders h = new HttpHeaders();
        // ruleid: java.open-redirect
        h.setLocation(URI.create(ret.startsWith("/") && !ret.startsWith("//") && !ret.startsWith("/\\") ? ret : "/"));
        return new ResponseEntity<>(h, HttpStatus.FOUND);
    }

    @GetMapping("/forward")
    public String forward(@RequestParam String page) {
        // A path on this site: the input cannot change the host.
        // ok: java.open-redirect
        return "redirect:/pages/" + page;
    }

    @GetMapping("/home")
    public String home() {
        // ok: java.open-redirect
        return "redirect:/dashboard";
    }

    @GetMapping("/id")
    public String byId(@RequestParam long id) {
        // ok: java.open-redirect
        return "redirect:/items/" + id;
    }

    @GetMapping("/view-name")
    public String viewName(@RequestParam String name) {
        // ok: java.open-redirect
        return "items/" + "list";
    }

    @GetMapping("/safe")
    public String safe(@RequestParam String next) {
        if (!next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
            return "redirect:/";
        }
        // todook: java.open-redirect
        return "redirect:" + (next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : "/");
    }

    @GetMapping("/plain")
    public String plain(String unannotated) {
        // Spring binds an unannotated simple parameter as the request parameter of its name (as @RequestParam).
        // ruleid: java.open-redirect
        return "redirect:" + (unannotated.startsWith("/") && !unannotated.startsWith("//") && !unannotated.startsWith("/\\") ? unannotated : "/");
    }
}
