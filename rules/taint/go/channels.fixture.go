package jobs

// Values sent on a channel are what a receive from it gives: `<-ch`, `v, ok := <-ch`, `for v := range ch`, and a
// `select` case. The channel holds every value sent to it, clean or not.

import (
	"net/http"
	"os/exec"
)

func queue(w http.ResponseWriter, r *http.Request) {
	cmds := make(chan string, 2)
	cmds <- r.FormValue("cmd")
	// ruleid: go.cmdi.exec
	exec.Command(<-cmds).Run()
}

func queueWithOk(w http.ResponseWriter, r *http.Request) {
	cmds := make(chan string, 1)
	cmds <- r.URL.Query().Get("cmd")
	close(cmds)
	if c, ok := <-cmds; ok {
		// ruleid: go.cmdi.exec
		exec.Command("sh", "-c", c).Run()
	}
}

func drain(w http.ResponseWriter, r *http.Request) {
	cmds := make(chan string, 2)
	cmds <- "uptime"
	cmds <- r.FormValue("extra")
	close(cmds)
	for c := range cmds {
		// One of the values sent was input.
		// ruleid: go.cmdi.exec
		exec.Command(c).Run()
	}
}

func constants(w http.ResponseWriter, r *http.Request) {
	cmds := make(chan string, 2)
	cmds <- "uptime"
	cmds <- "whoami"
	close(cmds)
	for c := range cmds {
		// ok: go.cmdi.exec
		exec.Command(c).Run()
	}
	_ = r
}

func otherChannel(w http.ResponseWriter, r *http.Request) {
	input := make(chan string, 1)
	fixed := make(chan string, 1)
	input <- r.FormValue("cmd")
	fixed <- "date"
	// ok: go.cmdi.exec
	exec.Command(<-fixed).Run()
	<-input
}

func producer(w http.ResponseWriter, r *http.Request) {
	cmds := make(chan string)
	go func() {
		cmds <- r.FormValue("cmd")
		close(cmds)
	}()
	for c := range cmds {
		// The request read inside the goroutine's closure (the closure inherits the handler's name for it).
		// ruleid: go.cmdi.exec
		exec.Command(c).Run()
	}
}
