package tools

import (
	"context"
	"net/http"
	osexec "os/exec"
	"strconv"
	"strings"
	"syscall"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

func shell(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("host")
	// ruleid: go.cmdi.exec
	osexec.Command("sh", "-c", "ping -c 1 "+host).Run()
}

func bash(w http.ResponseWriter, r *http.Request) {
	file := r.FormValue("file")
	// ruleid: go.cmdi.exec
	out, err := osexec.Command("/bin/bash", "-c", "wc -l "+file).Output()
	_, _ = out, err
}

func withContext(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	script := r.PostFormValue("script")
	// ruleid: go.cmdi.exec
	osexec.CommandContext(ctx, "sh", "-c", script).Run()
}

func program(w http.ResponseWriter, r *http.Request) {
	tool := r.Header.Get("X-Tool")
	// ruleid: go.cmdi.exec
	osexec.Command(tool).Run()
	// ruleid: go.cmdi.exec
	osexec.CommandContext(context.Background(), tool, "--version").Run()
}

func cmdLine(w http.ResponseWriter, r *http.Request) {
	line := r.URL.Query().Get("cmd")
	parts := strings.Fields(line)
	// ruleid: go.cmdi.exec
	osexec.Command(parts[0], parts[1:]...).Run()
}

func windows(w http.ResponseWriter, r *http.Request) {
	dir := r.URL.Path
	// ruleid: go.cmdi.exec
	osexec.Command("cmd", "/C", "dir "+dir).Run()
}

func cookie(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("theme")
	// ruleid: go.cmdi.exec
	osexec.Command("sh", "-c", "echo "+c.Value).Run()
}

func body(w http.ResponseWriter, r *http.Request) {
	buf := new(strings.Builder)
	buf.WriteString("tar xf ")
	buf.WriteString(r.FormValue("archive"))
	// ruleid: go.cmdi.exec
	osexec.Command("sh", "-c", buf.String()).Run()
}

func muxVars(w http.ResponseWriter, r *http.Request) {
	name := mux.Vars(r)["name"]
	// ruleid: go.cmdi.exec
	osexec.Command("bash", "-c", "systemctl status "+name).Run()
}

func chiParam(w http.ResponseWriter, r *http.Request) {
	svc := chi.URLParam(r, "svc")
	// ruleid: go.cmdi.exec
	osexec.Command("sh", "-c", "service "+svc+" restart").Run()
}

func ginHandler(c *gin.Context) {
	// ruleid: go.cmdi.exec
	osexec.Command("sh", "-c", "convert "+c.Query("img")+" out.png").Run()
	// ruleid: go.cmdi.exec
	osexec.Command(c.Param("bin")).Run()
}

func echoHandler(c echo.Context) error {
	target := c.QueryParam("target")
	// ruleid: go.cmdi.exec
	return osexec.Command("sh", "-c", "nslookup "+target).Run()
}

func fiberHandler(c *fiber.Ctx) error {
	// ruleid: go.cmdi.exec
	return osexec.Command("sh", "-c", "whois "+c.Query("domain")).Run()
}

func execve(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.cmdi.exec
	syscall.Exec(r.FormValue("path"), nil, nil)
}

func reassigned(w http.ResponseWriter, r *http.Request) {
	cmd := "ls"
	if v := r.URL.Query().Get("dir"); v != "" {
		cmd = "ls " + v
	}
	// ruleid: go.cmdi.exec
	osexec.Command("sh", "-c", cmd).Run()
}

// ---- not findings ----

func fixedProgram(w http.ResponseWriter, r *http.Request) {
	ref := r.URL.Query().Get("ref")
	// Arguments to a fixed program, no shell: the input cannot start another command (but it is an option of git
	// when it starts with "-").
	// ok: go.cmdi.exec
	// ruleid: go.cmdi.argument-injection
	osexec.Command("git", "log", "--oneline", ref).Run()
	// ok: go.cmdi.exec
	osexec.CommandContext(r.Context(), "ping", "-c", "1", ref).Run()
	// ok: go.cmdi.exec
	osexec.Command("grep", "-r", "--", ref, ".").Run()
}

func constantShell(w http.ResponseWriter, r *http.Request) {
	// ok: go.cmdi.exec
	osexec.Command("sh", "-c", "uptime").Run()
	// ok: go.cmdi.exec
	osexec.Command("sh", "-c", "df -h | tail -1").Run()
}

func number(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.FormValue("n"))
	if err != nil {
		return
	}
	// ok: go.cmdi.exec
	osexec.Command("sh", "-c", "seq "+strconv.Itoa(n)).Run()
}

func allowList(w http.ResponseWriter, r *http.Request) {
	tool := r.URL.Query().Get("tool")
	if tool != "uptime" && tool != "whoami" {
		return
	}
	// ok: go.cmdi.exec
	osexec.Command(tool).Run()
}

func switchAllow(w http.ResponseWriter, r *http.Request) {
	tool := "uptime"
	if r.URL.Query().Get("who") == "yes" {
		tool = "whoami"
	}
	// ok: go.cmdi.exec
	osexec.Command(tool).Run()
}

func ginFixed(c *gin.Context) {
	// ok: go.cmdi.exec
	osexec.Command("ls", "-l", c.Query("dir")).Run()
	// ok: go.cmdi.exec
	osexec.Command("sh", "-c", "date").Run()
}

func echoFixed(c echo.Context) error {
	// No shell command, but the input is an option of git when it starts with "-".
	// ok: go.cmdi.exec
	// ruleid: go.cmdi.argument-injection
	return osexec.Command("git", "show", c.Param("sha")).Run()
}

func fiberFixed(c *fiber.Ctx) error {
	// ok: go.cmdi.exec
	return osexec.Command("nslookup", c.Query("domain")).Run()
}

// Not handlers: the values come from the program, not from a request.
func internal(script string) {
	// ok: go.cmdi.exec
	osexec.Command("sh", "-c", script).Run()
}

type Runner struct{}

func (Runner) Run(bin string) {
	// ok: go.cmdi.exec
	osexec.Command(bin).Run()
}

func execFixed(w http.ResponseWriter, r *http.Request) {
	// ok: go.cmdi.exec
	syscall.Exec("/usr/bin/env", []string{"env", r.FormValue("x")}, nil)
}
