package pages

// A response's content type set on its own statement before the body is written (net/http's Header().Set, Gin's
// c.Header): the last type set on every path to the write decides whether the browser parses the body as HTML.
// Without one, net/http sniffs the first bytes, and "<p>…" is text/html.

import (
	"fmt"
	"net/http"

	"github.com/gin-gonic/gin"
)

func plainEcho(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusBadRequest)
	// ok: go.xss.response-writer
	fmt.Fprintf(w, "unknown id %s\n", r.URL.Query().Get("id"))
}

func jsonEcho(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	// ok: go.xss.response-writer
	w.Write([]byte(`{"q":"` + r.FormValue("q") + `"}`))
}

func htmlPage(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	// ruleid: go.xss.response-writer
	fmt.Fprintf(w, "<p>%s</p>", r.FormValue("q"))
}

func plainOnOnePath(w http.ResponseWriter, r *http.Request) {
	if r.FormValue("raw") != "" {
		w.Header().Set("Content-Type", "text/plain")
	}
	// ruleid: go.xss.response-writer
	fmt.Fprintf(w, "<p>%s</p>", r.FormValue("q"))
}

func chosenType(w http.ResponseWriter, r *http.Request) {
	ct := r.FormValue("ct")
	w.Header().Set("Content-Type", ct)
	// ruleid: go.xss.response-writer
	fmt.Fprint(w, r.FormValue("q"))
}

func ginPlain(c *gin.Context) {
	c.Header("Content-Type", "text/plain")
	// ok: go.xss.response-writer
	c.Writer.WriteString("echo: " + c.Query("q"))
}
