package reports

import (
	"database/sql"
	"net/http"
	"slices"
)

var db *sql.DB

var sortable = map[string]bool{"name": true, "email": true, "created_at": true}

var directions = []string{"asc", "desc"}

// A column or direction checked against a fixed set before it is spliced into ORDER BY.
func Sorted(w http.ResponseWriter, r *http.Request) {
	col := r.URL.Query().Get("sort")
	if !sortable[col] {
		http.Error(w, "bad sort", http.StatusBadRequest)
		return
	}
	// ok: go.sqli.query
	rows, _ := db.Query("SELECT id, name FROM users ORDER BY " + col)
	defer rows.Close()
}

func SortedDir(w http.ResponseWriter, r *http.Request) {
	dir := r.URL.Query().Get("dir")
	if slices.Contains(directions, dir) {
		// ok: go.sqli.query
		rows, _ := db.Query("SELECT id, name FROM users ORDER BY name " + dir)
		defer rows.Close()
	}
}

func SortedUnchecked(w http.ResponseWriter, r *http.Request) {
	col := r.URL.Query().Get("sort")
	dir := r.URL.Query().Get("dir")
	if !sortable[col] {
		return
	}
	// The direction was never checked.
	// ruleid: go.sqli.query
	rows, _ := db.Query("SELECT id, name FROM users ORDER BY " + col + " " + dir)
	defer rows.Close()
}
