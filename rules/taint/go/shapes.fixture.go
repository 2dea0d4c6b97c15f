package main

// Go shapes: single-line imports, a function literal as the handler, var declarations, range loops,
// switches and element-wise multiple assignment.

import "os/exec"

import "strings"

import "net/http"

func main() {
	http.HandleFunc("/run", func(w http.ResponseWriter, r *http.Request) {
		var name = r.URL.Query().Get("name")
		// ruleid: go.cmdi.exec
		exec.Command("sh", "-c", "echo "+name).Run()
		for _, v := range r.Form["x"] {
			// ruleid: go.cmdi.exec
			exec.Command(v).Run()
		}
		switch name {
		case "a", "b":
			// A case on constants holds only those values.
			// ok: go.cmdi.exec
			exec.Command(name).Run()
			fallthrough
		case "c":
			// Reached from the case above too: still constants.
			// ok: go.cmdi.exec
			exec.Command(name).Run()
		case strings.ToLower("X"):
			// ruleid: go.cmdi.exec
			exec.Command(name).Run()
			fallthrough
		case "d":
			// Reached from a case that is not on constants.
			// ruleid: go.cmdi.exec
			exec.Command(name).Run()
		default:
			// ruleid: go.cmdi.exec
			exec.Command(name).Run()
		}
		// After the switch, the value is what it was.
		// ruleid: go.cmdi.exec
		exec.Command(name).Run()
		a, b := "ls", name
		// ok: go.cmdi.exec
		exec.Command(a).Run()
		// ruleid: go.cmdi.exec
		exec.Command(b).Run()
	})
}
