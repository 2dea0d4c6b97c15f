package api

import (
	"database/sql"
	"net/http"
	"os/exec"
	"strconv"

	"github.com/julienschmidt/httprouter"
)

// httprouter passes a route's parameters as a third argument, httprouter.Params.
var db *sql.DB

func Run(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	name := ps.ByName("name")
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", "echo "+name).Run()
}

func ByIndex(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	// ruleid: go.sqli.query
	db.Query("SELECT * FROM users WHERE id = '" + ps[0].Value + "'")
}

func ById(w http.ResponseWriter, r *http.Request, ps httprouter.Params) {
	id, err := strconv.Atoi(ps.ByName("id"))
	if err != nil {
		return
	}
	// ok: go.sqli.query
	db.Query("SELECT * FROM users WHERE id = " + strconv.Itoa(id))
}

func Fixed(w http.ResponseWriter, r *http.Request, _ httprouter.Params) {
	// ok: go.cmdi.exec
	exec.Command("sh", "-c", "uptime").Run()
}
