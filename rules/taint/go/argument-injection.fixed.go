package repos

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func clone(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.cmdi.argument-injection
	exec.Command("git", "clone", "--", r.FormValue("repo"), "/srv/repos/x").Run()
}

func lsRemote(w http.ResponseWriter, r *http.Request) {
	repo := r.URL.Query().Get("repo")
	// ruleid: go.cmdi.argument-injection
	out, _ := exec.Command("/usr/bin/git", "ls-remote", "--heads", repo).Output()
	w.Write(out)
}

func withContext(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.cmdi.argument-injection
	exec.CommandContext(r.Context(), "git", "fetch", "--", r.PostFormValue("remote")).Run()
}

func download(w http.ResponseWriter, r *http.Request) {
	u := r.URL.Query().Get("u")
	// ruleid: go.cmdi.argument-injection
	exec.Command("curl", "-s", "-L", u).Run()
	// ruleid: go.cmdi.argument-injection
	exec.Command("wget", "-q", "-P", "/tmp/dl", u).Run()
	// Only the first five arguments after the program are read one by one.
	// todoruleid: go.cmdi.argument-injection
	exec.Command("wget", "-q", "-P", "/tmp/dl", "--timeout", "10", u).Run()
}

func remoteUptime(c *gin.Context) {
	// ruleid: go.cmdi.argument-injection
	exec.Command("ssh", c.Query("host"), "uptime").Run()
}

func extract(c echo.Context) error {
	// ruleid: go.cmdi.argument-injection
	return exec.Command("tar", "-xf", c.QueryParam("archive"), "-C", "/tmp/out").Run()
}

func backup(w http.ResponseWriter, r *http.Request) {
	src := r.FormValue("src")
	// ruleid: go.cmdi.argument-injection
	exec.CommandContext(context.Background(), "rsync", "-a", src, "/backup").Run()
}

func sliceArgs(w http.ResponseWriter, r *http.Request) {
	args := []string{"clone", "--mirror", r.FormValue("url")}
	// The argument slice built first and passed whole.
	// ruleid: go.cmdi.argument-injection
	exec.Command("git", args...).Run()
}

func appended(w http.ResponseWriter, r *http.Request) {
	args := []string{"-c", "color.ui=false", "log"}
	args = append(args, r.URL.Query().Get("rev"))
	// ruleid: go.cmdi.argument-injection
	exec.Command("git", args...).Run()
}

var gitPath = "/usr/local/bin/git"

func gitVariable(w http.ResponseWriter, r *http.Request) {
	// The program's path in a variable named for git.
	// ruleid: go.cmdi.argument-injection
	exec.Command(gitPath, "checkout", r.FormValue("branch")).Run()
}

func findFiles(w http.ResponseWriter, r *http.Request) {
	// The pattern is -name's value (find(1)): never read as a primary such as -exec.
	// ok: go.cmdi.argument-injection
	exec.Command("find", "/srv/data", "-name", r.URL.Query().Get("pattern")).Run()
	// A starting point is: `-exec ...` would start the expression.
	// ruleid: go.cmdi.argument-injection
	exec.Command("find", r.URL.Query().Get("dir"), "-type", "f").Run()
}

func zipUp(w http.ResponseWriter, r *http.Request) {
	name := r.Header.Get("X-Name")
	// ruleid: go.cmdi.argument-injection
	exec.Command("zip", "-r", name, "/srv/export").Run()
}

func routeParam(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.cmdi.argument-injection
	exec.Command("hg", "pull", r.PathValue("source")).Run()
}

func scp(c *gin.Context) {
	target := c.PostForm("target")
	// ruleid: go.cmdi.argument-injection
	exec.Command("scp", "/srv/report.pdf", target).Run()
}

func sendmail(c echo.Context) error {
	// ruleid: go.cmdi.argument-injection
	return exec.Command("sendmail", "-t", c.FormValue("to")).Run()
}

func logRev(w http.ResponseWriter, r *http.Request) {
	// In git log "--" would make the revision a path: the fix inserts "--end-of-options".
	// ruleid: go.cmdi.argument-injection
	exec.Command("git", "log", "--oneline", "-n", "5", "--end-of-options", r.FormValue("rev")).Run()
	// ruleid: go.cmdi.argument-injection
	exec.Command("git", "-C", "/srv/repo", "fetch", "--", r.FormValue("remote")).Run()
	// ruleid: go.cmdi.argument-injection
	exec.Command("tar", "-czf", "/tmp/out.tgz", "--", r.FormValue("dir")).Run()
	// No fix: after an old-style first word (its f takes the next word) or an option that may take the input as
	// its value, or with an option after the input.
	// ruleid: go.cmdi.argument-injection
	exec.Command("tar", "czf", "/tmp/out.tgz", r.FormValue("dir")).Run()
	// ruleid: go.cmdi.argument-injection
	exec.Command("git", "clone", "--template", r.FormValue("dir"), "https://example.com/r.git").Run()
	// The value of --branch (git-clone(1)) is a name, never read as an option.
	// ok: go.cmdi.argument-injection
	exec.Command("git", "clone", "--branch", r.FormValue("branch"), "https://example.com/r.git").Run()
	// ruleid: go.cmdi.argument-injection
	exec.Command("git", "clone", r.FormValue("url"), "--depth", "1").Run()
}

// ---- negatives ----

func cloneSafe(w http.ResponseWriter, r *http.Request) {
	// "--" ends the options: the URL is an operand whatever it starts with.
	// ok: go.cmdi.argument-injection
	exec.Command("git", "clone", "--", r.FormValue("repo"), "/srv/repos/x").Run()
	// ok: go.cmdi.argument-injection
	exec.CommandContext(r.Context(), "rsync", "-a", "--", r.FormValue("src"), "/backup").Run()
}

func sliceSafe(w http.ResponseWriter, r *http.Request) {
	args := []string{"fetch", "--", r.FormValue("remote")}
	// ok: go.cmdi.argument-injection
	exec.Command("git", args...).Run()
	more := []string{"-c", "color.ui=false", "fetch"}
	more = append(more, "--", r.FormValue("remote"))
	// ok: go.cmdi.argument-injection
	exec.Command("git", more...).Run()
}

func dashChecked(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	if strings.HasPrefix(host, "-") {
		http.Error(w, "bad host", http.StatusBadRequest)
		return
	}
	// ok: go.cmdi.argument-injection
	exec.Command("ssh", host, "uptime").Run()
}

func firstByte(w http.ResponseWriter, r *http.Request) {
	ref := r.FormValue("ref")
	if ref == "" || ref[0] == '-' {
		return
	}
	// ok: go.cmdi.argument-injection
	exec.Command("git", "show", ref).Run()
}

func prefixed(w http.ResponseWriter, r *http.Request) {
	// A prefix that is no dash, and a known option's value.
	// ok: go.cmdi.argument-injection
	exec.Command("git", "show", "refs/heads/"+r.FormValue("branch")).Run()
	// ok: go.cmdi.argument-injection
	exec.Command("git", "log", "--author="+r.FormValue("who")).Run()
	// ok: go.cmdi.argument-injection
	exec.Command("git", "log", fmt.Sprintf("--since=%s", r.FormValue("since"))).Run()
	// ok: go.cmdi.argument-injection
	exec.Command("tar", "-xf", "./uploads/"+r.FormValue("name")).Run()
}

func number(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.FormValue("n"))
	if err != nil {
		return
	}
	// ok: go.cmdi.argument-injection
	exec.Command("git", "log", "-n", strconv.Itoa(n)).Run()
}

func harmlessProgram(c *gin.Context) {
	// Programs without options that run commands or write files.
	// ok: go.cmdi.argument-injection
	exec.Command("echo", c.Query("msg")).Run()
	// ok: go.cmdi.argument-injection
	exec.Command("ping", "-c", "1", c.Query("host")).Run()
}

func constantArgs(w http.ResponseWriter, r *http.Request) {
	// ok: go.cmdi.argument-injection
	exec.Command("git", "status", "--porcelain").Run()
	// ok: go.cmdi.argument-injection
	exec.Command("tar", "-czf", "/tmp/out.tgz", "/srv/data").Run()
}

// Not handlers: the values come from the program, not from a request.
func internalClone(url string) error {
	// ok: go.cmdi.argument-injection
	return exec.Command("git", "clone", url).Run()
}

func lateDash(c echo.Context) error {
	// "--" several arguments before the input.
	// ok: go.cmdi.argument-injection
	return exec.Command("git", "-c", "core.quotepath=off", "diff", "--", c.QueryParam("path")).Run()
}
