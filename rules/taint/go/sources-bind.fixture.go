package api

import (
	"database/sql"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"strconv"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// Binding calls fill the struct passed by address: the struct holds the request data from then on.
type search struct {
	Term string `json:"term" form:"term"`
	Page string `json:"page" form:"page"`
}

var db *sql.DB

func ginJSON(c *gin.Context) {
	var req search
	if err := c.ShouldBindJSON(&req); err != nil {
		return
	}
	// ruleid: go.sqli.query
	db.Query("SELECT * FROM docs WHERE term = '" + req.Term + "'")
	n, _ := strconv.Atoi(req.Page)
	// ok: go.sqli.query
	db.Query("SELECT * FROM docs LIMIT 10 OFFSET " + strconv.Itoa(n*10))
}

func ginForm(c *gin.Context) {
	var q search
	c.ShouldBindQuery(&q)
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", "grep -r "+q.Term+" /srv/docs").Run()
	var f search
	c.BindJSON(&f)
	// ruleid: go.cmdi.exec
	exec.Command(f.Term).Run()
	var other search
	// ok: go.cmdi.exec
	exec.Command("ls", other.Term).Run()
}

func ginBind(c *gin.Context) {
	req := &search{}
	_ = c.ShouldBind(req)
	// ruleid: go.cmdi.exec
	exec.Command(req.Term).Run()
}

func echoBind(c echo.Context) error {
	var req search
	if err := c.Bind(&req); err != nil {
		return err
	}
	// ruleid: go.sqli.query
	db.Exec("DELETE FROM docs WHERE term = '" + req.Term + "'")
	// ok: go.sqli.query
	db.Exec("DELETE FROM docs WHERE term = $1", req.Term)
	return nil
}

func fiberBody(c *fiber.Ctx) error {
	var req search
	if err := c.BodyParser(&req); err != nil {
		return err
	}
	// ruleid: go.cmdi.exec
	exec.Command("bash", "-c", "echo "+req.Term).Run()
	// ok: go.cmdi.exec
	exec.Command("echo", req.Term).Run()
	return nil
}

func decode(w http.ResponseWriter, r *http.Request) {
	var req search
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	// ruleid: go.sqli.query
	db.Query("SELECT * FROM docs WHERE term = '" + req.Term + "'")
	// ok: go.sqli.query
	db.Query("SELECT * FROM docs WHERE term = ?", req.Term)
}

// The body read whole, and headers through Gin's getter.
func raw(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return
	}
	// ruleid: go.sqli.query
	db.Exec("INSERT INTO logs(line) VALUES ('" + string(body) + "')")
	// ok: go.sqli.query
	db.Exec("INSERT INTO logs(line) VALUES (?)", string(body))
}

func header(c *gin.Context) {
	trace := c.GetHeader("X-Trace")
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", "logger "+trace).Run()
	// ok: go.cmdi.exec
	exec.Command("logger", trace).Run()
}
