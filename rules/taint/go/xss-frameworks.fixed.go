package site

import (
	"encoding/json"
	"fmt"
	"html"
	"html/template"
	"io"
	"log"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

// HTML responses built from each framework's request getters, and the near misses: escaped values, numbers,
// text/plain and JSON responses, and html/template doing the escaping.

var profile = template.Must(template.New("profile").Parse(`<h1>{{.Name}}</h1><div>{{.Bio}}</div>`))

type comment struct {
	Author string `json:"author"`
	Text   string `json:"text"`
}

func chiTitle(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.xss.response-writer
	fmt.Fprintf(w, "<h1>%s</h1>", html.EscapeString(chi.URLParam(r, "title")))
}

func muxTag(w http.ResponseWriter, r *http.Request) {
	tag := mux.Vars(r)["tag"]
	// ruleid: go.xss.response-writer
	w.Write([]byte("<span class=\"tag\">" + html.EscapeString(tag) + "</span>"))
}

func cookieTheme(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("theme")
	if err != nil {
		return
	}
	// ruleid: go.xss.response-writer
	io.WriteString(w, "<body class=\""+html.EscapeString(c.Value)+"\">")
}

func postedComment(w http.ResponseWriter, r *http.Request) {
	var in comment
	if err := json.NewDecoder(r.Body).Decode(&in); err != nil {
		return
	}
	// ruleid: go.xss.response-writer
	fmt.Fprint(w, "<li>", html.EscapeString(in.Text), "</li>")
	// JSON escapes <, > and & (as \u003c...): no markup gets through.
	// ok: go.xss.response-writer
	json.NewEncoder(w).Encode(in)
}

func pathValueBio(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.xss.template-conversion
	profile.Execute(w, map[string]any{"Name": "guest", "Bio": template.HTML(r.PathValue("bio"))})
	// ok: go.xss.template-conversion, go.xss.response-writer
	profile.Execute(w, map[string]any{"Name": r.PathValue("name"), "Bio": ""})
}

func notFound(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("user")
	// http.Error answers text/plain with nosniff: the browser does not parse it as HTML.
	// ok: go.xss.response-writer
	http.Error(w, "unknown user "+name, http.StatusNotFound)
	// A log, not a response (the query value, decoded, can still forge a log line).
	// ok: go.xss.response-writer
	// ruleid: go.log-injection.logger
	log.Printf("<lookup> %s", name)
}

func quantity(w http.ResponseWriter, r *http.Request) {
	q, err := strconv.ParseFloat(r.FormValue("q"), 64)
	if err != nil {
		return
	}
	// ok: go.xss.response-writer
	fmt.Fprintf(w, "<td>%.2f</td>", q)
}

func escapedMarkup(w http.ResponseWriter, r *http.Request) {
	// ok: go.xss.template-conversion
	profile.Execute(w, template.HTML("<b>"+html.EscapeString(r.FormValue("name"))+"</b>"))
}

func ginHeaderEcho(c *gin.Context) {
	// ruleid: go.xss.response-writer
	c.Writer.Write([]byte("<p>Your browser: " + html.EscapeString(c.GetHeader("User-Agent")) + "</p>"))
	// ok: go.xss.response-writer
	c.JSON(http.StatusOK, gin.H{"agent": c.GetHeader("User-Agent")})
	// ok: go.xss.response-writer
	c.HTML(http.StatusOK, "agent.tmpl", gin.H{"Agent": c.GetHeader("User-Agent")})
}

func ginPosted(c *gin.Context) {
	// ruleid: go.xss.response-writer
	c.Data(http.StatusOK, "text/html", []byte(fmt.Sprintf("<p>%s</p>", html.EscapeString(c.PostForm("msg")))))
}

func echoBlob(c echo.Context) error {
	// ruleid: go.xss.response-writer
	return c.HTMLBlob(http.StatusOK, []byte("<h2>"+html.EscapeString(c.Param("section"))+"</h2>"))
}

func echoScript(c echo.Context) error {
	// ruleid: go.xss.template-conversion
	return c.Render(http.StatusOK, "page", template.JS("var next = '"+c.QueryParam("next")+"';"))
}

func echoPlain(c echo.Context) error {
	// ok: go.xss.response-writer
	return c.String(http.StatusOK, "hello "+c.QueryParam("name"))
}

func fiberPage(c *fiber.Ctx) error {
	c.Type("html")
	// Fiber's SendString after c.Type("html") sends HTML.
	// ruleid: go.xss.response-writer
	return c.SendString("<p>" + html.EscapeString(c.Query("q")) + "</p>")
}

func fiberHeader(c *fiber.Ctx) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	// ruleid: go.xss.response-writer
	return c.Send([]byte("<p>" + html.EscapeString(c.Query("q")) + "</p>"))
}

func fiberText(c *fiber.Ctx) error {
	// Without a type set, SendString answers text/plain.
	// ok: go.xss.response-writer
	return c.SendString("hello " + c.Query("q"))
}

func fiberTypeInClosure(c *fiber.Ctx) error {
	setHTML := func() { c.Type("html") }
	_ = setHTML
	// The type is set in a closure that is never called here: not this handler's own statement.
	// ok: go.xss.response-writer
	return c.SendString("hello " + c.Query("q"))
}

func fiberJSON(c *fiber.Ctx) error {
	// ok: go.xss.response-writer
	return c.JSON(fiber.Map{"q": c.Query("q")})
}
