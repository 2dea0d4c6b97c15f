// A prefix check keeps a path inside its root only when the path was normalized first: Path.startsWith compares
// name elements and "uploads/../../etc" still starts with "uploads".
package fixtures;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.servlet.http.HttpServletRequest;

public class PathCheckNormalized {
    private static final Path ROOT = Paths.get("/srv/uploads");
    private static final String ROOT_DIR = "/srv/uploads/";

    public byte[] stringPrefix(HttpServletRequest request) throws IOException {
        String name = ROOT_DIR + request.getParameter("name");
        if (!name.startsWith(ROOT_DIR)) {
            throw new SecurityException("outside");
        }
        // ruleid: java.path-traversal.file
        return Files.readAllBytes(Paths.get(name));
    }

    public void absoluteOnly(HttpServletRequest request) throws IOException {
        // toAbsolutePath() keeps "..".
        Path p = ROOT.resolve(request.getParameter("name")).toAbsolutePath();
        if (p.startsWith(ROOT)) {
            // ruleid: java.path-traversal.file
            Files.delete(p);
        }
    }

    // ---- safe ----

    public byte[] canonical(HttpServletRequest request) throws IOException {
        String canon = new File(ROOT_DIR, request.getParameter("name")).getCanonicalPath();
        if (!canon.startsWith(ROOT_DIR)) {
            throw new SecurityException("outside");
        }
        // ok: java.path-traversal.file
        return Files.readAllBytes(Paths.get(canon));
    }

    public void realPath(HttpServletRequest request) throws IOException {
        Path p = ROOT.resolve(request.getParameter("name")).toRealPath();
        if (p.startsWith(ROOT)) {
            // ok: java.path-traversal.file
            Files.delete(p);
        }
    }
}
