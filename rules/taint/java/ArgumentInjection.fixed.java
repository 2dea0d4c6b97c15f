import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

public class Repos {
    private static final Set<String> REMOTES = Set.of("origin", "upstream");
    private static final String GIT_PATH = "/usr/bin/git";

    public void cloneRepo(HttpServletRequest request) throws IOException {
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder("git", "clone", "--", request.getParameter("repo"), "/srv/repos/x").start();
    }

    public void lsRemote(HttpServletRequest request) throws IOException {
        String repo = request.getParameter("repo");
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder("/usr/bin/git", "ls-remote", "--heads", repo).start();
    }

    public void listOf(HttpServletRequest request) throws IOException {
        String url = request.getParameter("url");
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder(List.of("git", "clone", "--mirror", url)).start();
    }

    public void asList(HttpServletRequest request) throws IOException {
        List<String> cmd = Arrays.asList("curl", "-s", request.getHeader("X-Url"));
        // The list held in a local variable.
        // ok: java.cmdi.exec
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder(cmd).start();
    }

    public void runtimeArray(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        // An argv naming a fixed program runs no other command: no command injection.
        // ok: java.cmdi.exec
        // ruleid: java.cmdi.argument-injection
        Runtime.getRuntime().exec(new String[] {"ssh", host, "uptime"});
        // A shell given -c does.
        // ruleid: java.cmdi.exec
        // ok: java.cmdi.argument-injection
        new ProcessBuilder(List.of("bash", "-c", "ssh " + host)).start();
    }

    public void runtimeVar(HttpServletRequest request) throws IOException {
        Runtime rt = Runtime.getRuntime();
        String[] argv = {"tar", "-xf", request.getParameter("archive"), "-C", "/tmp/out"};
        // ruleid: java.cmdi.argument-injection
        rt.exec(argv);
    }

    public void builderCommand(HttpServletRequest request) throws IOException {
        ProcessBuilder pb = new ProcessBuilder();
        // ruleid: java.cmdi.argument-injection
        pb.command("rsync", "-a", request.getParameter("src"), "/backup");
        pb.start();
    }

    public void gitConstant(HttpServletRequest request) throws IOException {
        // The program's path in a constant named for git.
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder(GIT_PATH, "checkout", request.getParameter("branch")).start();
    }

    public void findFiles(HttpServletRequest request) throws IOException {
        // The pattern is -name's value (find(1)): never read as a primary such as -exec.
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("find", "/srv/data", "-name", request.getParameter("pattern")).start();
        // A starting point is: `-exec ...` would start the expression.
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder("find", request.getParameter("dir"), "-type", "f").start();
    }

    public void zipUp(HttpServletRequest request) throws IOException {
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder("zip", "-r", request.getHeader("X-Name"), "/srv/export").start();
    }

    public void wget(HttpServletRequest request) throws IOException {
        String u = request.getQueryString();
        // ruleid: java.cmdi.argument-injection
        Runtime.getRuntime().exec(new String[] {"wget", "-q", u});
    }

    public void commandList(HttpServletRequest request) throws IOException {
        ProcessBuilder builder = new ProcessBuilder();
        // ruleid: java.cmdi.argument-injection
        builder.command(List.of(GIT_PATH, "fetch", "--", request.getParameter("remote")));
        // ruleid: java.cmdi.argument-injection
        builder.command("git", "show", "--end-of-options", request.getParameter("sha"));
        builder.start();
    }

    // ---- negatives ----

    public void cloneSafe(HttpServletRequest request) throws IOException {
        // "--" ends the options: the URL is an operand whatever it starts with.
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "clone", "--", request.getParameter("repo"), "/srv/repos/x").start();
        // ok: java.cmdi.argument-injection
        new ProcessBuilder(List.of("git", "clone", "--", request.getParameter("repo"))).start();
        // ok: java.cmdi.argument-injection
        Runtime.getRuntime().exec(new String[] {"rsync", "-a", "--", request.getParameter("src"), "/backup"});
    }

    public void dashChecked(HttpServletRequest request) throws IOException {
        String host = request.getParameter("host");
        if (host.startsWith("-")) {
            throw new IllegalArgumentException("bad host");
        }
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("ssh", host, "uptime").start();
    }

    public void firstChar(HttpServletRequest request) throws IOException {
        String ref = request.getParameter("ref");
        if (ref.isEmpty() || ref.charAt(0) == '-') {
            return;
        }
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "show", ref).start();
    }

    public void allowListed(HttpServletRequest request) throws IOException {
        String remote = request.getParameter("remote");
        if (!REMOTES.contains(remote)) {
            return;
        }
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "fetch", remote).start();
    }

    public void prefixed(HttpServletRequest request) throws IOException {
        // A prefix that is no dash, and a known option's value.
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "show", "refs/heads/" + request.getParameter("branch")).start();
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "log", "--author=" + request.getParameter("who")).start();
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "log", String.format("--since=%s", request.getParameter("since"))).start();
    }

    public void number(HttpServletRequest request) throws IOException {
        int n = Integer.parseInt(request.getParameter("n"));
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "log", "-n", String.valueOf(n)).start();
    }

    public void harmless(HttpServletRequest request) throws IOException {
        // Programs without options that run commands or write files.
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("echo", request.getParameter("msg")).start();
        // ok: java.cmdi.argument-injection
        Runtime.getRuntime().exec(new String[] {"ping", "-c", "1", request.getParameter("host")});
    }

    public void constantArgs() throws IOException {
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "status", "--porcelain").start();
        // ok: java.cmdi.argument-injection
        new ProcessBuilder(List.of("tar", "-czf", "/tmp/out.tgz", "/srv/data")).start();
    }

    public void internalClone(String url) throws IOException {
        // Not a handler: the value comes from the program, not from a request.
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "clone", url).start();
    }

    public void lateDash(HttpServletRequest request) throws IOException {
        // "--" several arguments before the input.
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("git", "-c", "core.quotepath=off", "diff", "--", request.getParameter("path")).start();
    }

    public void builtList(HttpServletRequest request) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("git");
        cmd.add("clone");
        cmd.add(request.getParameter("repo"));
        // A list filled by add() calls does not show its program (to either rule).
        // todook: java.cmdi.exec
        // todoruleid: java.cmdi.argument-injection
        new ProcessBuilder(cmd).start();
    }
}

@RestController
class RepoController {
    @PostMapping("/clone")
    public void clone(@RequestParam String url) throws IOException {
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder("git", "clone", "--", url).start();
    }

    @GetMapping("/blame/{file}")
    public void blame(@PathVariable String file, @RequestHeader("X-Rev") String rev) throws IOException {
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder("git", "blame", rev, "--", file).start();
    }

    @PostMapping("/mail")
    public void mail(@RequestParam String to) throws IOException {
        // ruleid: java.cmdi.argument-injection
        new ProcessBuilder("sendmail", "-t", to).start();
    }

    @PostMapping("/remote-safe")
    public void remoteSafe(@RequestParam String host) throws IOException {
        // ok: java.cmdi.argument-injection
        new ProcessBuilder("ssh", "--", host, "uptime").start();
    }
}
