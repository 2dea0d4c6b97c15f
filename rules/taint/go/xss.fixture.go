package pages

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"net/http"
	"net/url"
	"os"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func greet(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	// ruleid: go.xss.response-writer
	fmt.Fprintf(w, "<p>Hello %s</p>", name)
	// ok: go.xss.response-writer
	fmt.Fprintf(w, "<p>Hello %s</p>", html.EscapeString(name))
	// ok: go.xss.response-writer
	fmt.Fprintf(os.Stderr, "greeted %s\n", name)
}

func echoBack(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	// ruleid: go.xss.response-writer
	w.Write([]byte("<h1>Results for " + q + "</h1>"))
	// ok: go.xss.response-writer
	w.Write([]byte("<h1>Results for " + template.HTMLEscapeString(q) + "</h1>"))
}

func header(rw http.ResponseWriter, req *http.Request) {
	agent := req.Header.Get("User-Agent")
	// ruleid: go.xss.response-writer
	io.WriteString(rw, "<pre>"+agent+"</pre>")
	// ruleid: go.xss.response-writer
	fmt.Fprintln(rw, "<b>", agent, "</b>")
	// ok: go.xss.response-writer
	io.WriteString(rw, "<a href=\"/search?q="+url.QueryEscape(agent)+"\">again</a>")
}

func count(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.FormValue("n"))
	if err != nil {
		return
	}
	// ok: go.xss.response-writer
	fmt.Fprintf(w, "<p>%d items</p>", n)
	// ok: go.xss.response-writer
	w.Write([]byte("<p>static</p>"))
}

var page = template.Must(template.New("p").Parse(`<div>{{.}}</div>`))

func trusted(w http.ResponseWriter, r *http.Request) {
	bio := r.PostFormValue("bio")
	// ruleid: go.xss.template-conversion
	page.Execute(w, template.HTML(bio))
	// ok: go.xss.template-conversion, go.xss.response-writer
	page.Execute(w, bio)
	link := r.URL.Query().Get("next")
	// ruleid: go.xss.template-conversion
	data := map[string]any{"Link": template.URL(link), "Script": template.JS("var x = 1")}
	// ruleid: go.xss.template-conversion
	page.Execute(w, template.HTMLAttr("title=\""+r.FormValue("t")+"\""))
	// ok: go.xss.template-conversion
	page.Execute(w, template.HTML(html.EscapeString(bio)))
	// ok: go.xss.template-conversion
	page.Execute(w, template.JS("var limit = 10"))
	// ok: go.xss.template-conversion
	page.Execute(w, template.URL("/help"))
	// ok: go.xss.template-conversion
	page.Execute(w, template.HTML(template.HTMLEscapeString(link)))
	_ = data
}

func ginPage(c *gin.Context) {
	title := c.Query("title")
	// ruleid: go.xss.template-conversion
	c.HTML(http.StatusOK, "page.tmpl", gin.H{"Title": template.HTML(title)})
	// ruleid: go.xss.response-writer
	c.Data(http.StatusOK, "text/html; charset=utf-8", []byte("<title>"+title+"</title>"))
	// ruleid: go.xss.response-writer
	c.Writer.WriteString("<p>" + title + "</p>")
	// ok: go.xss.response-writer
	c.Data(http.StatusOK, "text/plain", []byte(title))
	// ok: go.xss.response-writer
	c.String(http.StatusOK, "%s", html.EscapeString(title))
}

func echoPage(c echo.Context) error {
	// ruleid: go.xss.response-writer
	return c.HTML(http.StatusOK, "<p>"+c.QueryParam("msg")+"</p>")
}

func echoEscaped(c echo.Context) error {
	// ok: go.xss.response-writer
	return c.HTML(http.StatusOK, "<p>"+html.EscapeString(c.QueryParam("msg"))+"</p>")
}
