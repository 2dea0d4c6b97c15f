package api

// A closure inside a handler reads the request under the handler's own name for it: a goroutine, a deferred call,
// a stored function value, a closure inside a closure. A closure whose parameter reuses the name reads its own value.

import (
	"net/http"
	"os/exec"

	"github.com/gin-gonic/gin"
)

func backgroundExport(w http.ResponseWriter, r *http.Request) {
	go func() {
		// ruleid: go.cmdi.exec
		exec.Command("sh", "-c", "export "+r.FormValue("table")).Run()
	}()
	w.WriteHeader(http.StatusAccepted)
}

func deferredCleanup(w http.ResponseWriter, r *http.Request) {
	defer func() {
		// ruleid: go.cmdi.exec
		exec.Command("sh", "-c", "rm -rf "+r.URL.Query().Get("dir")).Run()
	}()
}

func storedClosure(c *gin.Context) {
	run := func() error {
		// ruleid: go.cmdi.exec
		return exec.Command("sh", "-c", c.Query("script")).Run()
	}
	if err := run(); err != nil {
		c.Status(500)
	}
}

func nestedClosures(w http.ResponseWriter, r *http.Request) {
	outer := func() {
		inner := func() {
			// ruleid: go.cmdi.exec
			exec.Command("sh", "-c", r.PostFormValue("job")).Run()
		}
		inner()
	}
	outer()
}

type fixedForm struct{}

func (fixedForm) FormValue(string) string { return "date" }

func shadowedByParameter(w http.ResponseWriter, r *http.Request) {
	func(r fixedForm) {
		// ok: go.cmdi.exec
		exec.Command("sh", "-c", r.FormValue("cmd")).Run()
	}(fixedForm{})
}

func constantInClosure(w http.ResponseWriter, r *http.Request) {
	go func() {
		// ok: go.cmdi.exec
		exec.Command("sh", "-c", "date").Run()
	}()
}
