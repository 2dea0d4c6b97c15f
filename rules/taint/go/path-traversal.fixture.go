package files

import (
	"io/ioutil"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

const uploads = "/srv/uploads"

func download(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	// ruleid: go.path-traversal.file
	f, err := os.Open(filepath.Join(uploads, name))
	if err != nil {
		return
	}
	defer f.Close()
}

func read(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.file
	data, _ := os.ReadFile(uploads + "/" + r.FormValue("name"))
	w.Write(data)
}

func legacyRead(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(uploads, r.URL.Path)
	// ruleid: go.path-traversal.file
	data, _ := ioutil.ReadFile(p)
	w.Write(data)
}

func save(w http.ResponseWriter, r *http.Request) {
	name := r.PostFormValue("name")
	// ruleid: go.path-traversal.file
	os.WriteFile(filepath.Join(uploads, name), []byte("x"), 0o644)
	// ruleid: go.path-traversal.file
	ioutil.WriteFile(filepath.Join(uploads, name), []byte("x"), 0o644)
}

func create(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.file
	f, _ := os.Create(filepath.Join(uploads, r.Header.Get("X-Name")))
	f.Close()
}

func remove(w http.ResponseWriter, r *http.Request) {
	target := mux.Vars(r)["name"]
	// ruleid: go.path-traversal.file
	os.Remove(filepath.Join(uploads, target))
	// ruleid: go.path-traversal.file
	os.RemoveAll(filepath.Join(uploads, target))
}

func serve(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.file
	http.ServeFile(w, r, filepath.Join(uploads, r.URL.Query().Get("f")))
}

func openFile(w http.ResponseWriter, r *http.Request) {
	c, _ := r.Cookie("workspace")
	// ruleid: go.path-traversal.file
	os.OpenFile(filepath.Join(uploads, c.Value, "notes.txt"), os.O_RDWR, 0o600)
}

func mkdir(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.file
	os.MkdirAll(filepath.Join(uploads, r.FormValue("dir")), 0o755)
}

func rename(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.file
	os.Rename(filepath.Join(uploads, "tmp"), filepath.Join(uploads, r.FormValue("to")))
}

func listing(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.path-traversal.file
	entries, _ := os.ReadDir(r.URL.Query().Get("dir"))
	_ = entries
}

func ginDownload(c *gin.Context) {
	// ruleid: go.path-traversal.file
	data, _ := os.ReadFile(filepath.Join(uploads, c.Param("name")))
	c.Data(200, "application/octet-stream", data)
}

func echoDownload(c echo.Context) error {
	// ruleid: go.path-traversal.file
	f, err := os.Open(filepath.Join(uploads, c.QueryParam("name")))
	if err != nil {
		return err
	}
	return f.Close()
}

func prefixWithoutClean(w http.ResponseWriter, r *http.Request) {
	// A prefix check on a path that was never cleaned: "/srv/uploads/../../etc/passwd" passes it.
	p := uploads + "/" + r.FormValue("name")
	if !strings.HasPrefix(p, uploads) {
		return
	}
	// ruleid: go.path-traversal.file
	os.ReadFile(p)
}

// ---- not findings ----

func contained(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(uploads, r.URL.Query().Get("file"))
	if !strings.HasPrefix(p, uploads+string(os.PathSeparator)) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	// ok: go.path-traversal.file
	os.ReadFile(p)
	// ok: go.path-traversal.file
	os.Remove(p)
}

func containedInside(w http.ResponseWriter, r *http.Request) {
	p := filepath.Join(uploads, r.FormValue("name"))
	if strings.HasPrefix(p, uploads+"/") {
		// ok: go.path-traversal.file
		os.WriteFile(p, []byte("x"), 0o644)
	}
}

func local(w http.ResponseWriter, r *http.Request) {
	name := r.FormValue("name")
	if !filepath.IsLocal(name) {
		return
	}
	// ok: go.path-traversal.file
	os.Open(filepath.Join(uploads, name))
}

func base(w http.ResponseWriter, r *http.Request) {
	name := filepath.Base(r.URL.Query().Get("file"))
	// ok: go.path-traversal.file
	os.Open(filepath.Join(uploads, name))
	// ok: go.path-traversal.file
	ioutil.ReadFile(filepath.Join(uploads, filepath.Base(r.FormValue("f"))))
	// ok: go.path-traversal.file
	http.ServeFile(w, r, filepath.Join(uploads, filepath.Base(r.URL.Path)))
}

func fixed(w http.ResponseWriter, r *http.Request) {
	// ok: go.path-traversal.file
	os.ReadFile("/etc/app/config.json")
	// ok: go.path-traversal.file
	os.Open(filepath.Join(uploads, "index.html"))
	// ok: go.path-traversal.file
	os.WriteFile(filepath.Join(uploads, "last-seen"), []byte(r.FormValue("who")), 0o644)
	// ok: go.path-traversal.file
	os.Rename(filepath.Join(uploads, "a"), filepath.Join(uploads, "b"))
}

func allowList(w http.ResponseWriter, r *http.Request) {
	page := r.URL.Query().Get("page")
	if page != "about" && page != "help" {
		return
	}
	// ok: go.path-traversal.file
	os.ReadFile(filepath.Join("pages", page+".html"))
}

func ginSafe(c *gin.Context) {
	// ok: go.path-traversal.file
	os.ReadFile(filepath.Join(uploads, filepath.Base(c.Param("name"))))
}

// Not a handler: the path comes from the program.
func load(name string) ([]byte, error) {
	// ok: go.path-traversal.file
	return os.ReadFile(filepath.Join(uploads, name))
}

func serveStatic(w http.ResponseWriter, r *http.Request) {
	// ok: go.path-traversal.file
	http.ServeFile(w, r, "static/index.html")
}
