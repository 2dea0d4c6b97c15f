package report

import (
	"net/http"
	"text/template"
)

var tpl = template.Must(template.New("r").Parse("<html><body>{{.}}</body></html>"))

func render(w http.ResponseWriter, r *http.Request) {
	who := r.URL.Query().Get("who")
	// ruleid: go.xss.text-template
	tpl.Execute(w, who)
	// ruleid: go.xss.text-template
	tpl.ExecuteTemplate(w, "r", map[string]string{"Who": who})
	// ok: go.xss.text-template
	tpl.Execute(w, "nobody")
	// ok: go.xss.text-template
	tpl.Execute(w, template.HTMLEscapeString(who))
}
