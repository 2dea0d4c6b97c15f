package web

import (
	"html/template"
	"net/http"
	"net/url"

	"github.com/gin-gonic/gin"
)

func Render(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.ssti.template-parse
	t, err := template.New("page").Parse(r.FormValue("tpl"))
	if err != nil {
		return
	}
	t.Execute(w, nil)
}

func Greeting(c *gin.Context) {
	tmpl := template.New("greeting")
	// ruleid: go.ssti.template-parse
	tmpl, _ = tmpl.Parse("<p>Hello " + c.Query("name") + "</p>")
	tmpl.Execute(c.Writer, nil)
}

func Safe(w http.ResponseWriter, r *http.Request) {
	t := template.Must(template.New("page").Parse(`<p>Hello {{.Name}}</p>`))
	// ok: go.ssti.template-parse
	t.Execute(w, map[string]string{"Name": r.FormValue("name")})
}

func ParseURL(w http.ResponseWriter, r *http.Request) {
	// Parse on a URL, not a template.
	// ok: go.ssti.template-parse
	u, _ := url.Parse(r.FormValue("next"))
	_ = u
}
