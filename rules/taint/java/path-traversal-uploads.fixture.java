import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.UUID;
import org.apache.commons.io.FilenameUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

// An upload saved under the name the client sent: `../../` in it writes outside the folder.
@RestController
class UploadController {
    private static final String DIR = "/srv/uploads/";

    @PostMapping("/upload")
    public String upload(@RequestParam("file") MultipartFile file) throws Exception {
        File dest = new File(DIR + file.getOriginalFilename());
        // ruleid: java.path-traversal.file
        file.transferTo(dest);
        return "ok";
    }

    @PostMapping("/upload2")
    public String upload2(@RequestParam("file") MultipartFile file) throws Exception {
        // ruleid: java.path-traversal.file
        file.transferTo(Paths.get(DIR, file.getOriginalFilename()));
        return "ok";
    }

    @PostMapping("/safe")
    public String safe(@RequestParam("file") MultipartFile file) throws Exception {
        String name = FilenameUtils.getName(file.getOriginalFilename());
        // ok: java.path-traversal.file
        file.transferTo(new File(DIR, name));
        Path random = Paths.get(DIR, UUID.randomUUID() + ".bin");
        // ok: java.path-traversal.file
        file.transferTo(random);
        return "ok";
    }
}

class UploadServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException, jakarta.servlet.ServletException {
        Part part = req.getPart("file");
        String name = part.getSubmittedFileName();
        // ruleid: java.path-traversal.file
        part.write("/srv/uploads/" + name);
        try (InputStream in = req.getInputStream(); OutputStream out = resp.getOutputStream()) {
            // Copying the body to the response opens no file.
            // ok: java.path-traversal.file
            in.transferTo(out);
        }
    }
}
