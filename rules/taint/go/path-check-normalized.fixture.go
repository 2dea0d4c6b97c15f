// A prefix check keeps a path inside its root only when the path was cleaned first: filepath.Join and Clean
// remove "..", string concatenation does not.
package files

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

const root = "/srv/uploads"

func concatChecked(w http.ResponseWriter, r *http.Request) {
	p := root + "/" + r.URL.Query().Get("name")
	if strings.HasPrefix(p, root+"/") {
		// ruleid: go.path-traversal.file
		os.Remove(p)
	}
}

func sprintfChecked(w http.ResponseWriter, r *http.Request) {
	p := root + string(os.PathSeparator) + r.FormValue("file")
	if !strings.HasPrefix(p, root) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	// ruleid: go.path-traversal.file
	data, _ := os.ReadFile(p)
	w.Write(data)
}

// ---- not findings ----

func cleaned(w http.ResponseWriter, r *http.Request) {
	p := filepath.Clean(root + "/" + r.FormValue("file"))
	if !strings.HasPrefix(p, root+string(os.PathSeparator)) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	// ok: go.path-traversal.file
	os.Remove(p)
}

func absolute(w http.ResponseWriter, r *http.Request) {
	p, err := filepath.Abs(filepath.Join(root, r.FormValue("file")))
	if err != nil || !strings.HasPrefix(p, root+string(os.PathSeparator)) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	// ok: go.path-traversal.file
	os.Remove(p)
}
