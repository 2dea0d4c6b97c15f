package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"

	_ "github.com/lib/pq"
)

var pg *sql.DB

// lib/pq numbers its placeholders: the fix writes $1, $2.
func search(w http.ResponseWriter, r *http.Request) {
	title := r.URL.Query().Get("title")
	author := r.URL.Query().Get("author")
	// ruleid: go.sqli.query
	pg.Query("SELECT * FROM books WHERE title LIKE '%" + title + "%' AND author = '" + author + "'")
	// ruleid: go.sqli.query
	pg.QueryContext(context.Background(), fmt.Sprintf("SELECT * FROM books WHERE author = '%s' AND year > %d", author, 1990))
	// ok: go.sqli.query
	pg.Query("SELECT * FROM books WHERE author = $1", author)
}

func history(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.sqli.query
	pg.Exec(fmt.Sprintf("INSERT INTO history (q) VALUES ('%s')", r.FormValue("q")))
	// A quoted %q verb cannot become a parameter: no fix.
	// ruleid: go.sqli.query
	pg.Exec(fmt.Sprintf("INSERT INTO history (q) VALUES (%q)", r.FormValue("q")))
}
