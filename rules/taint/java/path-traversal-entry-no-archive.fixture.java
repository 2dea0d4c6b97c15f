import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Map;

// An `entry` in a file that uses no archive API is some other entry (a cache's, a menu's): its name is no input.
public class CacheWriter {
    interface Item { String getName(); byte[] bytes(); }

    public void write(File dir, Item entry) throws IOException {
        // ok: java.path-traversal.file
        try (FileOutputStream out = new FileOutputStream(new File(dir, entry.getName()))) {
            out.write(entry.bytes());
        }
    }
}
