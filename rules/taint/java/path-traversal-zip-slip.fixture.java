import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.apache.commons.io.FilenameUtils;

// Zip slip: an archive entry's name joined to the destination folder and written, unchecked.
public class Extract {
    public static void unzip(InputStream in, File dest) throws IOException {
        ZipInputStream zis = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            File f = new File(dest, entry.getName());
            // ruleid: java.path-traversal.file
            try (FileOutputStream out = new FileOutputStream(f)) {
                zis.transferTo(out);
            }
        }
    }

    public static void unzipNio(ZipFile zip, Path dest) throws IOException {
        for (ZipEntry ze : java.util.Collections.list(zip.entries())) {
            Path target = dest.resolve(ze.getName());
            // ruleid: java.path-traversal.file
            Files.copy(zip.getInputStream(ze), target);
        }
    }

    public static void checked(InputStream in, File dest) throws IOException {
        ZipInputStream zis = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            File f = new File(dest, entry.getName());
            if (!f.getCanonicalPath().startsWith(dest.getCanonicalPath() + File.separator)) {
                throw new IOException("entry outside the target folder: " + entry.getName());
            }
            // ok: java.path-traversal.file
            try (FileOutputStream out = new FileOutputStream(f)) {
                zis.transferTo(out);
            }
        }
    }

    // A check in another file is unknown in this one (no flow through it); one in this file is read, guard and all.
    public static void helper(InputStream in, File dest) throws IOException {
        ZipInputStream zis = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            File f = ZipChecks.checkDestinationFileForTraversal(dest, entry.getName(), new File(dest, entry.getName()));
            // ok: java.path-traversal.file
            try (FileOutputStream out = new FileOutputStream(f)) {
                zis.transferTo(out);
            }
            File g = validateEntryPath(new File(dest, entry.getName()), dest);
            // ok: java.path-traversal.file
            g.mkdirs();
        }
    }

    static File validateEntryPath(File f, File root) throws IOException {
        if (!f.getCanonicalPath().startsWith(root.getCanonicalPath() + File.separator)) throw new IOException("outside");
        return f;
    }

    public static void flat(InputStream in, File dest) throws IOException {
        ZipInputStream zis = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            String name = FilenameUtils.getName(entry.getName());
            // ok: java.path-traversal.file
            try (FileOutputStream out = new FileOutputStream(new File(dest, name))) {
                zis.transferTo(out);
            }
        }
    }

    // A name seen to hold no ".." under dest stays there: new File(dest, name) and Paths.get(dest, name) take even
    // an absolute name as relative to dest.
    public static void noDots(InputStream in, File dest) throws IOException {
        ZipInputStream zis = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = zis.getNextEntry()) != null) {
            if (entry.getName().contains("..")) {
                throw new IOException("bad entry");
            }
            // ok: java.path-traversal.file
            try (FileOutputStream out = new FileOutputStream(new File(dest, entry.getName()))) {
                zis.transferTo(out);
            }
            // ok: java.path-traversal.file
            Files.createDirectories(Paths.get(dest.getPath(), entry.getName()));
            // resolve returns an absolute name as it is ("/etc/cron.d/x" has no "..").
            // ruleid: java.path-traversal.file
            Files.createDirectories(dest.toPath().resolve(entry.getName()));
            // ruleid: java.path-traversal.file
            new FileOutputStream(entry.getName()).close();
        }
    }

    public static void noDotsName(ZipFile zip, File dest) throws IOException {
        for (ZipEntry ze : java.util.Collections.list(zip.entries())) {
            String name = ze.getName();
            if (name.contains("..") || ze.isDirectory()) {
                continue;
            }
            // ok: java.path-traversal.file
            Files.copy(zip.getInputStream(ze), Path.of(dest.getPath(), name));
        }
    }

    public static void noDotsOneBranch(ZipFile zip, File dest, boolean strict) throws IOException {
        for (ZipEntry ze : java.util.Collections.list(zip.entries())) {
            if (strict && ze.getName().contains("..")) {
                continue;
            }
            // ruleid: java.path-traversal.file
            Files.copy(zip.getInputStream(ze), new File(dest, ze.getName()).toPath());
        }
    }
}
