package main

// Statements inside switch, type switch and select cases: each case is a path of its own, and a branch inside a
// case joins the path it left (before, a case's statements were read as one expression: an `if` inside assigned
// unconditionally, and a `:=` in a case was not seen).

import (
	"archive/tar"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
)

func switchCase(w http.ResponseWriter, r *http.Request) {
	mode := r.URL.Query().Get("mode")
	switch mode {
	case "link":
		target := r.URL.Query().Get("target")
		if !filepath.IsAbs(target) {
			target = "default"
		}
		// An absolute target keeps the input.
		// ruleid: go.cmdi.exec
		exec.Command(target).Run()
	case "fixed":
		cmd := "ls"
		if mode == "fixed" {
			cmd = "pwd"
		}
		// ok: go.cmdi.exec
		exec.Command(cmd).Run()
	default:
		// ruleid: go.cmdi.exec
		exec.Command(mode).Run()
	}
}

func switchInitializer(w http.ResponseWriter, r *http.Request) {
	switch name := r.FormValue("name"); name {
	case "ls", "pwd":
		// ok: go.cmdi.exec
		exec.Command(name).Run()
	default:
		// ruleid: go.cmdi.exec
		exec.Command(name).Run()
	}
	switch v := interface{}(r.FormValue("v")); s := v.(type) {
	case string:
		// ruleid: go.cmdi.exec
		exec.Command(s).Run()
	}
}

func typeSwitch(w http.ResponseWriter, r *http.Request) {
	var v interface{} = r.FormValue("v")
	switch s := v.(type) {
	case string:
		// ruleid: go.cmdi.exec
		exec.Command(s).Run()
	case int:
		// ok: go.cmdi.exec
		exec.Command("ls").Run()
	}
}

func selectCase(w http.ResponseWriter, r *http.Request, done chan bool) {
	names := make(chan string, 1)
	names <- r.FormValue("n")
	select {
	case n := <-names:
		// ruleid: go.cmdi.exec
		exec.Command(n).Run()
	case <-done:
		// ok: go.cmdi.exec
		exec.Command("true").Run()
	}
}

// A symlink entry's target, absolute when the relative check is skipped (zip slip through a link).
func untarLinks(t *tar.Reader, dest string) error {
	for {
		header, err := t.Next()
		if err != nil {
			return err
		}
		switch header.Typeflag {
		case tar.TypeSymlink:
			linkTarget := header.Linkname
			if !filepath.IsAbs(linkTarget) {
				linkTarget, err := filepath.Rel(dest, filepath.Join(dest, linkTarget))
				if err != nil {
					return err
				}
				_ = linkTarget
			}
			// ruleid: go.path-traversal.file
			os.Symlink(linkTarget, filepath.Join(dest, filepath.Base(header.Name)))
		}
	}
}
