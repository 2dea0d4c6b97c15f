import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class Downloads {
    private static final Path ROOT = Paths.get("/srv/files").toAbsolutePath().normalize();
    private static final String UPLOADS = "/srv/uploads";

    public byte[] read(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        // ruleid: java.path-traversal.file
        return Files.readAllBytes(Paths.get("/srv/files", name));
    }

    public List<String> lines(HttpServletRequest request) throws IOException {
        Path p = Path.of(UPLOADS + "/" + request.getParameter("doc"));
        // ruleid: java.path-traversal.file
        return Files.readAllLines(p);
    }

    public InputStream stream(HttpServletRequest request) throws IOException {
        // ruleid: java.path-traversal.file
        return Files.newInputStream(ROOT.resolve(request.getParameter("f")));
    }

    public void write(HttpServletRequest request) throws IOException {
        String target = request.getHeader("X-Target");
        // ruleid: java.path-traversal.file
        Files.write(Paths.get(target), "done".getBytes(StandardCharsets.UTF_8));
    }

    public void writeString(HttpServletRequest request) throws IOException {
        Path out = Paths.get(UPLOADS, request.getParameter("name"));
        // ruleid: java.path-traversal.file
        Files.writeString(out, "hello");
    }

    public void delete(HttpServletRequest request) throws IOException {
        // ruleid: java.path-traversal.file
        Files.deleteIfExists(Paths.get(UPLOADS, request.getPathInfo()));
    }

    public void copy(HttpServletRequest request) throws IOException {
        Path dest = Paths.get(request.getParameter("dest"));
        // ruleid: java.path-traversal.file
        Files.copy(Paths.get("/tmp/report.pdf"), dest);
    }

    public int legacyStream(HttpServletRequest request) throws IOException {
        String file = request.getParameter("file");
        // ruleid: java.path-traversal.file
        try (FileInputStream in = new FileInputStream(UPLOADS + "/" + file)) {
            return in.read();
        }
    }

    public void legacyOut(HttpServletRequest request) throws IOException {
        File f = new File(UPLOADS, request.getParameter("name"));
        // ruleid: java.path-traversal.file
        FileOutputStream out = new FileOutputStream(f);
        out.close();
    }

    public int reader(HttpServletRequest request) throws IOException {
        // ruleid: java.path-traversal.file
        FileReader r = new FileReader(new File(request.getParameter("path")));
        return r.read();
    }

    public void writer(HttpServletRequest request) throws IOException {
        String log = request.getParameter("log");
        // ruleid: java.path-traversal.file
        FileWriter w = new FileWriter("/var/log/app/" + log, true);
        w.close();
    }

    public void randomAccess(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        // ruleid: java.path-traversal.file
        RandomAccessFile raf = new RandomAccessFile(name, "r");
        raf.close();
    }

    public boolean removeFile(HttpServletRequest request) {
        File f = new File(UPLOADS, request.getParameter("name"));
        // ruleid: java.path-traversal.file
        return f.delete();
    }

    public String[] listing(HttpServletRequest request) {
        File dir = new File(request.getParameter("dir"));
        // ruleid: java.path-traversal.file
        return dir.list();
    }

    public void builtName(HttpServletRequest request) throws IOException {
        StringBuilder sb = new StringBuilder(UPLOADS).append('/');
        sb.append(request.getParameter("name"));
        // ruleid: java.path-traversal.file
        Files.readString(Paths.get(sb.toString()));
    }

    public void notNormalized(HttpServletRequest request) throws IOException {
        // Path.startsWith compares name elements: without normalize() "a/../../etc" still starts with ROOT.
        Path p = ROOT.resolve(request.getParameter("name"));
        if (!p.startsWith(ROOT)) {
            throw new SecurityException("outside");
        }
        // ruleid: java.path-traversal.file
        Files.readAllBytes(p);
    }

    // ---- safe --------------------------------------------------------------------------------

    public byte[] contained(HttpServletRequest request) throws IOException {
        Path p = ROOT.resolve(request.getParameter("name")).normalize();
        if (!p.startsWith(ROOT)) {
            throw new SecurityException("outside the root");
        }
        // ok: java.path-traversal.file
        return Files.readAllBytes(p);
    }

    public byte[] containedIf(HttpServletRequest request) throws IOException {
        Path p = Paths.get(UPLOADS, request.getParameter("name")).normalize();
        if (p.startsWith(UPLOADS)) {
            // ok: java.path-traversal.file
            return Files.readAllBytes(p);
        }
        return new byte[0];
    }

    public int canonical(HttpServletRequest request) throws IOException {
        File f = new File(UPLOADS, request.getParameter("name"));
        if (!f.getCanonicalPath().startsWith(UPLOADS + File.separator)) {
            return -1;
        }
        // ok: java.path-traversal.file
        try (FileInputStream in = new FileInputStream(f)) {
            return in.read();
        }
    }

    public void baseName(HttpServletRequest request) throws IOException {
        String name = FilenameUtils.getName(request.getParameter("name"));
        // ok: java.path-traversal.file
        Files.readAllBytes(Paths.get(UPLOADS, name));
    }

    public void fileName(HttpServletRequest request) throws IOException {
        Path name = Paths.get(request.getParameter("name")).getFileName();
        // ok: java.path-traversal.file
        Files.readAllBytes(ROOT.resolve(name));
    }

    public void numbered(HttpServletRequest request) throws IOException {
        int id = Integer.parseInt(request.getParameter("id"));
        // ok: java.path-traversal.file
        Files.readAllBytes(Paths.get(UPLOADS, "report-" + id + ".pdf"));
    }

    public void fixedFile() throws IOException {
        // ok: java.path-traversal.file
        Files.readAllBytes(Paths.get("/etc/app/config.json"));
        // ok: java.path-traversal.file
        new FileInputStream("/etc/app/config.json").close();
    }

    public void allowListed(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        if ("terms.html".equals(name) || "privacy.html".equals(name)) {
            // ok: java.path-traversal.file
            Files.readString(Paths.get(UPLOADS, name));
        }
    }

    public void contentsNotPath(HttpServletRequest request) throws IOException {
        String body = request.getParameter("body");
        // ok: java.path-traversal.file
        Files.writeString(Paths.get("/tmp/out.txt"), body);
    }

    public void overwritten(HttpServletRequest request) throws IOException {
        String name = request.getParameter("name");
        name = "default.txt";
        // ok: java.path-traversal.file
        new FileReader(new File(UPLOADS, name)).close();
    }

    public void uuidName(HttpServletRequest request) throws IOException {
        java.util.UUID id = java.util.UUID.fromString(request.getParameter("id"));
        // ok: java.path-traversal.file
        new FileOutputStream(UPLOADS + "/" + id).close();
    }

    public boolean existsOnly(HttpServletRequest request) {
        File f = new File("/srv/static/logo.png");
        // ok: java.path-traversal.file
        return f.delete();
    }

    public void writeSafeContents(HttpServletRequest request) throws IOException {
        // ok: java.path-traversal.file
        FileWriter w = new FileWriter("/var/log/app/access.log", true);
        w.write(request.getParameter("msg"));
        w.close();
    }
}

@RestController
class FileController {
    @GetMapping("/files/{name}")
    public byte[] get(@PathVariable String name) throws IOException {
        // ruleid: java.path-traversal.file
        return Files.readAllBytes(Paths.get("/srv/files").resolve(name));
    }

    @GetMapping("/open")
    public int open(@RequestParam("path") String path) throws IOException {
        // ruleid: java.path-traversal.file
        try (InputStream in = new FileInputStream(new File(path))) {
            return in.read();
        }
    }

    @PostMapping("/notes")
    public void save(@RequestBody Note note) throws IOException {
        // getName() of a request body is whatever name the client sent, not a File's last name element.
        // ruleid: java.path-traversal.file
        Files.writeString(Paths.get("/srv/notes", note.getName()), note.getText());
    }

    @GetMapping("/page/{n}")
    public byte[] page(@PathVariable int n) throws IOException {
        // ok: java.path-traversal.file
        return Files.readAllBytes(Paths.get("/srv/pages", n + ".html"));
    }

    @GetMapping("/plain")
    public byte[] plain(String unannotated) throws IOException {
        // Spring binds an unannotated simple parameter as the request parameter of its name (as @RequestParam).
        // ruleid: java.path-traversal.file
        return Files.readAllBytes(Paths.get(unannotated));
    }
}

record Note(String name, String text) {
    String getName() {
        return name;
    }

    String getText() {
        return text;
    }
}
