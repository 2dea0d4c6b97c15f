// Log injection: request text with its line breaks written by a plain-text logger (the standard library's log,
// a *log.Logger, glog/klog) starts a forged log line.
package web

import (
	"encoding/base64"
	"log"
	"log/slog"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"k8s.io/klog/v2"
)

type application struct {
	infoLog  *log.Logger
	errorLog *log.Logger
}

func login(w http.ResponseWriter, r *http.Request) {
	user := r.FormValue("user")
	// ruleid: go.log-injection.logger
	log.Printf("login failed for %s", user)
	// ruleid: go.log-injection.logger
	log.Println("login failed for", r.URL.Query().Get("user"))
	// The format itself from the request.
	// ruleid: go.log-injection.logger
	log.Printf(r.FormValue("msg"))
}

func (app *application) signup(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.log-injection.logger
	app.infoLog.Printf("new user %s from %s", r.PostFormValue("email"), r.RemoteAddr)
	// The second verb is the input's.
	// ruleid: go.log-injection.logger
	app.errorLog.Printf("%d attempts by %v", 3, r.URL.Path)
}

func search(c *gin.Context) {
	logger := log.New(os.Stderr, "search ", log.LstdFlags)
	// ruleid: go.log-injection.logger
	logger.Print("query: " + c.Query("q"))
	// ruleid: go.log-injection.logger
	klog.Infof("search for %s", c.Query("q"))
}

// ---- not findings ----

func quoted(w http.ResponseWriter, r *http.Request) {
	// %q quotes the value: a line break is written as \n.
	// ok: go.log-injection.logger
	log.Printf("login failed for %q", r.FormValue("user"))
	// ok: go.log-injection.logger
	log.Printf("%d attempts by %q", 3, r.FormValue("user"))
	// ok: go.log-injection.logger
	log.Println("login failed for", strconv.Quote(r.FormValue("user")))
	// ok: go.log-injection.logger
	log.Printf("user %s", strings.ReplaceAll(strings.ReplaceAll(r.FormValue("user"), "\n", ""), "\r", ""))
	// ok: go.log-injection.logger
	log.Printf("token %s", base64.StdEncoding.EncodeToString([]byte(r.FormValue("t"))))
	// ok: go.log-injection.logger
	log.Printf("page %d", mustAtoi(r.FormValue("page")))
}

// Header values, cookies and the raw query hold no CR or LF: the server refuses such a request.
func headers(w http.ResponseWriter, r *http.Request) {
	// ok: go.log-injection.logger
	log.Printf("agent %s, referer %s", r.UserAgent(), r.Referer())
	// ok: go.log-injection.logger
	log.Printf("auth %s", r.Header.Get("Authorization"))
	// ok: go.log-injection.logger
	log.Printf("query %s", r.URL.RawQuery)
}

// Structured loggers that escape: slog's text and JSON handlers quote a value or message with a line break.
func structured(w http.ResponseWriter, r *http.Request) {
	// ok: go.log-injection.logger
	slog.Info("login failed", "user", r.FormValue("user"))
	logger := slog.Default()
	// ok: go.log-injection.logger
	logger.Error("login failed", "user", r.FormValue("user"))
	// ok: go.log-injection.logger
	klog.InfoS("login failed", "user", r.FormValue("user"))
	// fmt to the response is not a log.
	// ok: go.log-injection.logger
	w.Write([]byte(strconv.Quote(r.FormValue("user"))))
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
