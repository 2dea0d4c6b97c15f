package store

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gorilla/mux"
	"github.com/jmoiron/sqlx"
	"github.com/labstack/echo/v4"
	"gorm.io/gorm"
)

var db *sql.DB
var xdb *sqlx.DB
var gdb *gorm.DB

type User struct{ Name string }

func byName(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ruleid: go.sqli.query
	rows, err := db.Query("SELECT * FROM users WHERE name = ?", name)
	if err != nil {
		return
	}
	defer rows.Close()
}

func rename(w http.ResponseWriter, req *http.Request) {
	id := req.FormValue("id")
	q := fmt.Sprintf("UPDATE users SET name = 'x' WHERE id = %s", id)
	// ruleid: go.sqli.query
	db.Exec(q)
}

func one(w http.ResponseWriter, r *http.Request) {
	var email string
	// ruleid: go.sqli.query
	db.QueryRow("SELECT email FROM users WHERE id = ?", r.PostFormValue("id")).Scan(&email)
}

func withContext(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	table := r.Header.Get("X-Table")
	// ruleid: go.sqli.query
	db.QueryContext(ctx, "SELECT * FROM "+table)
	// ruleid: go.sqli.query
	db.ExecContext(context.Background(), "DELETE FROM "+table)
}

func prepared(w http.ResponseWriter, r *http.Request) {
	sort := r.URL.Query().Get("sort")
	// ruleid: go.sqli.query
	stmt, _ := db.Prepare("SELECT * FROM docs ORDER BY " + sort)
	defer stmt.Close()
}

func cookie(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("session")
	if err != nil {
		return
	}
	// ruleid: go.sqli.query
	db.Query("SELECT * FROM sessions WHERE token = ?", c.Value)
}

func muxRoute(w http.ResponseWriter, r *http.Request) {
	vars := mux.Vars(r)
	// ruleid: go.sqli.query
	db.Query("SELECT * FROM articles WHERE slug = ?", vars["slug"])
}

func chiRoute(w http.ResponseWriter, r *http.Request) {
	articleID := chi.URLParam(r, "articleID")
	var b strings.Builder
	b.WriteString("SELECT * FROM articles WHERE id = ")
	b.WriteString(articleID)
	// ruleid: go.sqli.query
	db.Query(b.String())
}

func joined(w http.ResponseWriter, r *http.Request) {
	cols := r.Form["col"]
	// ruleid: go.sqli.query
	db.Query("SELECT " + strings.Join(cols, ", ") + " FROM users")
}

func sqlxSelect(w http.ResponseWriter, r *http.Request) {
	var users []User
	city := r.URL.Query().Get("city")
	// ruleid: go.sqli.query
	xdb.Select(&users, "SELECT * FROM users WHERE city = '"+city+"'")
	var u User
	// ruleid: go.sqli.query
	xdb.Get(&u, fmt.Sprintf("SELECT * FROM users WHERE city = '%s' LIMIT 1", city))
	// ruleid: go.sqli.query
	xdb.Queryx("SELECT * FROM users WHERE city = ?", city)
}

func ginHandler(c *gin.Context) {
	name := c.Query("name")
	var users []User
	// ruleid: go.sqli.query
	gdb.Raw("SELECT * FROM users WHERE name = ?", name).Scan(&users)
	// ruleid: go.sqli.query
	gdb.Where("name = ?", c.Param("name")).Find(&users)
	// ruleid: go.sqli.query
	gdb.Exec("DELETE FROM users WHERE name = ?", c.PostForm("name"))
}

func echoHandler(c echo.Context) error {
	q := c.QueryParam("q")
	// ruleid: go.sqli.query
	_, err := db.Exec("DELETE FROM notes WHERE title = ?", q)
	return err
}

func assigned(w http.ResponseWriter, r *http.Request) {
	var query string
	query = "SELECT * FROM t WHERE a = '" + r.FormValue("a") + "'"
	query += " AND b = 1"
	// ruleid: go.sqli.query
	db.Query(query)
}

// ---- not findings ----

func placeholders(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	// ok: go.sqli.query
	db.Query("SELECT * FROM users WHERE name = $1", name)
	// ok: go.sqli.query
	db.QueryRow("SELECT * FROM users WHERE name = ?", name)
	// ok: go.sqli.query
	db.Exec("UPDATE users SET seen = now() WHERE name = $1", name)
	// ok: go.sqli.query
	db.QueryContext(r.Context(), "SELECT * FROM users WHERE name = $1", name)
	// ok: go.sqli.query
	db.ExecContext(r.Context(), "DELETE FROM users WHERE name = ?", name)
	stmt, _ := db.Prepare("SELECT * FROM users WHERE name = ?")
	// ok: go.sqli.query
	stmt.Query(name)
}

func converted(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil {
		return
	}
	// ok: go.sqli.query
	db.Query(fmt.Sprintf("SELECT * FROM users WHERE id = %d", id))
	n, _ := strconv.ParseInt(r.FormValue("n"), 10, 64)
	// ok: go.sqli.query
	db.Query("SELECT * FROM users LIMIT " + strconv.FormatInt(n, 10))
}

func allowList(w http.ResponseWriter, r *http.Request) {
	sort := r.URL.Query().Get("sort")
	if sort != "name" && sort != "email" {
		sort = "id"
	}
	// ok: go.sqli.query
	db.Query("SELECT * FROM users ORDER BY " + sort)
}

func constant(w http.ResponseWriter, r *http.Request) {
	const table = "users"
	// ok: go.sqli.query
	db.Query("SELECT * FROM " + table)
	// ok: go.sqli.query
	db.Query(fmt.Sprintf("SELECT * FROM %s", "audit"))
}

func sqlxSafe(w http.ResponseWriter, r *http.Request) {
	var users []User
	city := r.URL.Query().Get("city")
	// ok: go.sqli.query
	xdb.Select(&users, "SELECT * FROM users WHERE city = $1", city)
	// ok: go.sqli.query
	xdb.Queryx("SELECT * FROM users WHERE city = ?", city)
}

func gormSafe(c *gin.Context) {
	var users []User
	// ok: go.sqli.query
	gdb.Where("name = ?", c.Query("name")).Find(&users)
	// ok: go.sqli.query
	gdb.Raw("SELECT * FROM users WHERE name = ?", c.Param("name")).Scan(&users)
	// Struct and map conditions: gorm binds each field as a parameter.
	// ok: go.sqli.query
	gdb.Where(User{Name: c.Query("name")}).Find(&users)
	// ok: go.sqli.query
	gdb.Where(&User{Name: c.Param("name")}).First(&users)
	// ok: go.sqli.query
	gdb.Not(map[string]interface{}{"name": c.Query("name")}).Find(&users)
	// A string built from input is still a SQL fragment.
	// ruleid: go.sqli.query
	gdb.Where("name = ?", c.Query("name")).Find(&users)
}

// Not a handler: the string comes from the caller, not from a request.
func internal(name string) {
	// ok: go.sqli.query
	db.Query("SELECT * FROM users WHERE name = '" + name + "'")
}

func ginNotDB(c *gin.Context) {
	// ok: go.sqli.query
	db.Query("SELECT count(*) FROM users")
}

// An application's own method named Get, with a context and an id: not sqlx's Get(dest, query).
type noteService struct{}

func (noteService) Get(ctx context.Context, id string) error { return nil }

func appGet(w http.ResponseWriter, r *http.Request) {
	var svc noteService
	// ok: go.sqli.query
	svc.Get(r.Context(), r.URL.Query().Get("id"))
}
