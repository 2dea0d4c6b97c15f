package main

// Go shapes: single-line imports, a function literal as the handler, var declarations, range loops,
// switches and element-wise multiple assignment.

import "os/exec"

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
		case "a":
			// A switch case on a constant does not clean its subject yet.
			// todook: go.cmdi.exec
			exec.Command(name).Run()
		}
		a, b := "ls", name
		// ok: go.cmdi.exec
		exec.Command(a).Run()
		// ruleid: go.cmdi.exec
		exec.Command(b).Run()
	})
}
