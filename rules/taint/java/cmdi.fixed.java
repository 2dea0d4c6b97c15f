import java.io.IOException;
import java.util.List;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class Tools {
    private static final Set<String> HOSTS = Set.of("db1", "db2");

    public void ping(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // ruleid: java.cmdi.exec
        new ProcessBuilder("ping", "-c", "1", host).start();
    }

    public void shell(HttpServletRequest request) throws IOException {
        String file = request.getParameter("file");
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec(new String[] {"sh", "-c", "cat " + file});
    }

    public void runtimeVar(HttpServletRequest request) throws IOException {
        Runtime rt = Runtime.getRuntime();
        String cmd = request.getHeader("X-Command");
        // ruleid: java.cmdi.exec
        rt.exec(cmd);
        // ruleid: java.cmdi.exec
        rt.exec(cmd, new String[] {"PATH=/usr/bin"});
    }

    public void builder(HttpServletRequest request) throws IOException {
        String program = request.getParameter("program");
        // ruleid: java.cmdi.exec
        new ProcessBuilder(program, "--version").start();
    }

    public void builderShell(HttpServletRequest request) throws IOException {
        String arg = request.getParameter("arg");
        // ruleid: java.cmdi.exec
        new ProcessBuilder("bash", "-c", "convert " + arg + " out.png").start();
    }

    public void builderList(HttpServletRequest request) throws IOException {
        String tool = request.getParameter("tool");
        // ruleid: java.cmdi.exec
        ProcessBuilder pb = new ProcessBuilder(List.of(tool, "-h"));
        pb.start();
    }

    public void builderCommand(HttpServletRequest request) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        String line = request.getQueryString();
        // ruleid: java.cmdi.exec
        pb.command("sh", "-c", line);
        // ruleid: java.cmdi.exec
        pb.command(line);
        pb.start();
    }

    public void concatenated(HttpServletRequest request) throws IOException {
        StringBuilder sb = new StringBuilder("tar czf /tmp/out.tgz ");
        sb.append(request.getParameter("dir"));
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec(sb.toString());
    }

    public void formatted(HttpServletRequest request) throws IOException {
        String user = request.getHeader("X-User");
        String cmd = String.format("id %s", user);
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec(cmd);
    }

    public void ternary(HttpServletRequest request, boolean dry) throws IOException {
        String target = dry ? "echo" : request.getParameter("target");
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec(target + " run");
    }

    public void viaTry(HttpServletRequest request) {
        try {
            String job = request.getParameter("job");
            // ruleid: java.cmdi.exec
            Runtime.getRuntime().exec("/opt/jobs/" + job);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    public void whileLoop(HttpServletRequest request) throws IOException {
        String[] names = request.getParameterValues("name");
        int i = 0;
        while (i < names.length) {
            // ruleid: java.cmdi.exec
            Runtime.getRuntime().exec("touch /tmp/" + names[i]);
            i++;
        }
    }

    public Process quotedArgument(HttpServletRequest request) throws IOException {
        String term = request.getParameter("term");
        // ruleid: java.cmdi.exec
        Process p = new ProcessBuilder("grep", "-r", term, "/srv/docs").start();
        return p;
    }

    public void resourceBound(HttpServletRequest request) throws IOException {
        try (java.io.BufferedReader body = request.getReader()) {
            // ruleid: java.cmdi.exec
            Runtime.getRuntime().exec(body.readLine());
        }
    }

    // ---- safe --------------------------------------------------------------------------------

    public void fixed() throws IOException {
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("uptime");
        // ok: java.cmdi.exec
        new ProcessBuilder("ls", "-la", "/tmp").start();
    }

    public void number(HttpServletRequest request) throws IOException {
        int count = Integer.parseInt(request.getParameter("count"));
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("ping -c " + count + " localhost");
    }

    public void allowListed(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        if ("db1".equals(host) || "db2".equals(host)) {
            // ok: java.cmdi.exec
            Runtime.getRuntime().exec("ping -c 1 " + host);
        }
    }

    public void argumentOnly(HttpServletRequest request) throws IOException {
        String dir = request.getParameter("dir");
        // ok: java.cmdi.exec
        new ProcessBuilder("ls", "-la", dir).start();
    }

    public void overwritten(HttpServletRequest request) throws IOException {
        String cmd = request.getParameter("cmd");
        cmd = "whoami";
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec(cmd);
    }

    public void constantBuilder() throws IOException {
        StringBuilder sb = new StringBuilder("du -sh");
        sb.append(" /var/log");
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec(sb.toString());
    }

    public void longValue(HttpServletRequest request) throws IOException {
        long pid = Long.parseLong(request.getHeader("X-Pid"));
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("kill " + pid);
    }

    public void logged(HttpServletRequest request) throws IOException {
        System.out.println("run by " + request.getRemoteUser());
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("date");
    }

    public void otherExec(HttpServletRequest request, java.util.concurrent.ExecutorService pool) {
        String job = request.getParameter("job");
        // ok: java.cmdi.exec
        pool.execute(() -> System.out.println(job));
    }

    public void allowListedSet(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        if (!"db1".equals(host)) {
            return;
        }
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("pg_dump -h " + host);
    }

    public void builderFixedShell() throws IOException {
        // ok: java.cmdi.exec
        new ProcessBuilder("sh", "-c", "make clean").start();
    }

    public void ternaryConstant(HttpServletRequest request) throws IOException {
        String flag = request.getParameter("verbose") != null ? "-v" : "-q";
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("backup " + flag);
    }
}

@RestController
class ToolController {
    @PostMapping("/convert")
    public void convert(@RequestParam String name) throws IOException {
        // ruleid: java.cmdi.exec
        new ProcessBuilder("convert", name, "out.png").start();
    }

    @PostMapping("/nice")
    public void nice(@RequestHeader("X-Level") String level) throws IOException {
        // ruleid: java.cmdi.exec
        new ProcessBuilder("sh", "-c", "nice -n " + level + " make").start();
    }

    @PostMapping("/size")
    public void size(@RequestParam int size) throws IOException {
        // ok: java.cmdi.exec
        Runtime.getRuntime().exec("truncate -s " + size + " /tmp/f");
    }

    @PostMapping("/plain")
    public void plain(String unannotated) throws IOException {
        // Spring binds an unannotated simple parameter as the request parameter of its name (as @RequestParam).
        // ruleid: java.cmdi.exec
        new ProcessBuilder("echo", unannotated).start();
    }
}
