package uploads

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

// The path-containment quick fix: the joined path is checked against its root folder (the first argument of
// filepath.Join), and the way out is the one the function can take (an HTTP error, a framework error, a zero
// value and an error).

const uploads = "/srv/uploads"

type store struct{ root string }

func open(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go.path-traversal.file
	safePath := filepath.Join(uploads, name)
	if !strings.HasPrefix(safePath, filepath.Clean(uploads)+string(filepath.Separator)) {
		http.Error(w, "invalid path", http.StatusBadRequest)
		return
	}
	f, err := os.Open(safePath)
	if err != nil {
		return
	}
	defer f.Close()
}

func serve(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.file
	safePath := filepath.Join(uploads, r.URL.Path)
	if !strings.HasPrefix(safePath, filepath.Clean(uploads)+string(filepath.Separator)) {
		http.Error(w, "invalid path", http.StatusBadRequest)
		return
	}
	http.ServeFile(w, r, safePath)
}

func (s *store) notes(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("workspace")
	// A folder and a file name under the root: the check is against the root alone.
	// ruleid: go.path-traversal.file
	safePath := filepath.Join(s.root, c.Value, "notes.txt")
	if !strings.HasPrefix(safePath, filepath.Clean(s.root)+string(filepath.Separator)) {
		http.Error(w, "invalid path", http.StatusBadRequest)
		return
	}
	os.OpenFile(safePath, os.O_RDWR, 0o600)
}

func ginRead(c *gin.Context) {
	// ruleid: go.path-traversal.file
	safePath := filepath.Join(uploads, c.Param("name"))
	if !strings.HasPrefix(safePath, filepath.Clean(uploads)+string(filepath.Separator)) {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	data, _ := os.ReadFile(safePath)
	c.Data(http.StatusOK, "application/octet-stream", data)
}

func echoOpen(c echo.Context) error {
	// ruleid: go.path-traversal.file
	safePath := filepath.Join(uploads, c.QueryParam("name"))
	if !strings.HasPrefix(safePath, filepath.Clean(uploads)+string(filepath.Separator)) {
		return echo.ErrBadRequest
	}
	f, err := os.Open(safePath)
	if err != nil {
		return err
	}
	return f.Close()
}

func fiberRemove(c *fiber.Ctx) error {
	// ruleid: go.path-traversal.file
	safePath := filepath.Join(uploads, c.Params("name"))
	if !strings.HasPrefix(safePath, filepath.Clean(uploads)+string(filepath.Separator)) {
		return fiber.ErrBadRequest
	}
	return os.Remove(safePath)
}

func readUpload(name string) ([]byte, error) {
	// ruleid: go.path-traversal.file
	safePath := filepath.Join(uploads, name)
	if !strings.HasPrefix(safePath, filepath.Clean(uploads)+string(filepath.Separator)) {
		return nil, errors.New("path escapes the allowed folder")
	}
	return os.ReadFile(safePath)
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	data, _ := readUpload(r.FormValue("name"))
	w.Write(data)
}

// ---- findings without a fix: the root is the input's, or the working directory ----

func userRoot(w http.ResponseWriter, r *http.Request) {
	dir := r.FormValue("dir")
	// ruleid: go.path-traversal.file
	os.ReadDir(filepath.Join(dir, "public"))
}

func workingDir(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.file
	os.Open(filepath.Join(".", r.FormValue("name")))
}

func unknownExit(w http.ResponseWriter, r *http.Request) int {
	// ruleid: go.path-traversal.file
	os.Create(filepath.Join(uploads, r.FormValue("name")))
	return 0
}

func checked(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(uploads, r.FormValue("name"))
	if !strings.HasPrefix(p, filepath.Clean(uploads)+string(filepath.Separator)) {
		http.Error(w, "invalid path", http.StatusBadRequest)
		return
	}
	// ok: go.path-traversal.file
	os.ReadFile(p)
}

var errOutside = errors.New("outside")
