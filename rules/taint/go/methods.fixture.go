package store

import (
	"database/sql"
	"net/http"
	"os/exec"
	"strconv"
)

// A method of this file called through its receiver: its summary carries the flow to the sink inside it.
type service struct {
	db *sql.DB
}

func (s *service) archive(name string) {
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", "tar czf /tmp/a.tgz "+name).Run()
}

func (s *service) lookup(id string) {
	// ruleid: go.sqli.query
	s.db.Query("SELECT * FROM items WHERE id = " + id)
}

func (s *service) count(n int) {
	// ok: go.sqli.query
	s.db.Query("SELECT * FROM items LIMIT " + strconv.Itoa(n))
}

func (s *service) handle(w http.ResponseWriter, r *http.Request) {
	s.archive(r.FormValue("name"))
	s.lookup(r.URL.Query().Get("id"))
	s.count(10)
}
