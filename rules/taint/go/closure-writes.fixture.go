package jobs

// A function literal that assigns a variable of the function around it (`cmd = v` in a goroutine or a stored
// closure): the variable may hold what the closure stored from the closure's definition on. `:=` inside the
// literal declares its own variable.

import (
	"net/http"
	"os/exec"
)

func goroutine(w http.ResponseWriter, r *http.Request) {
	cmd := ""
	v := r.FormValue("cmd")
	done := make(chan bool)
	go func() {
		cmd = v
		done <- true
	}()
	<-done
	// ruleid: go.cmdi.exec
	exec.Command(cmd).Run()
}

func stored(w http.ResponseWriter, r *http.Request) {
	var cmd string
	v := r.URL.Query().Get("cmd")
	set := func() { cmd = v }
	set()
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", cmd).Run()
}

func producer(w http.ResponseWriter, r *http.Request) {
	v := r.FormValue("cmd")
	cmds := make(chan string, 1)
	go func() {
		cmds <- v
		close(cmds)
	}()
	for c := range cmds {
		// ruleid: go.cmdi.exec
		exec.Command(c).Run()
	}
}

func declared(w http.ResponseWriter, r *http.Request) {
	cmd := "uptime"
	v := r.FormValue("cmd")
	func() {
		cmd := v
		_ = cmd
	}()
	// ok: go.cmdi.exec
	exec.Command(cmd).Run()
}
