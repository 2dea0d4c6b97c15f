// Iris (github.com/kataras/iris/v12): a handler takes an iris.Context whose readers return request data.
package web

import (
	"log"
	"os"
	"os/exec"

	"github.com/kataras/iris/v12"
)

type job struct {
	Name string `json:"name"`
}

func ping(ctx iris.Context) {
	// ruleid: go.cmdi.exec
	out, _ := exec.Command("sh", "-c", "ping -c 1 "+ctx.URLParam("host")).Output()
	ctx.Write(out)
}

func file(ctx iris.Context) {
	// ruleid: go.path-traversal.file
	data, _ := os.ReadFile("/srv/files/" + ctx.Params().Get("name"))
	ctx.Write(data)
}

func create(ctx iris.Context) {
	var j job
	if err := ctx.ReadJSON(&j); err != nil {
		return
	}
	// ruleid: go.cmdi.exec
	exec.Command("bash", "-c", "run-job "+j.Name).Run()
	// ruleid: go.cmdi.exec
	exec.Command("sh", "-c", "notify "+ctx.PostValue("to")).Run()
}

// ---- not findings ----

func fixed(ctx iris.Context) {
	// ok: go.cmdi.exec
	exec.Command("ping", "-c", "1", "localhost").Run()
	n, _ := ctx.URLParamInt("n")
	// ok: go.cmdi.exec
	exec.Command("sh", "-c", "seq "+string(rune(n))).Run()
}

func logs(ctx iris.Context) {
	id := ctx.Params().GetInt64Default("id", 0)
	// A number from the route, and the request's URL printed whole (url.URL escapes control characters).
	// ok: go.log-injection.logger
	log.Printf("item %d requested on %s", id, ctx.Request().URL)
	// ruleid: go.log-injection.logger
	log.Printf("item %s", ctx.Params().Get("name"))
}

func cached(ctx iris.Context, cache interface {
	Get(c interface{}, k string) error
}) {
	key := ctx.Request().URL.RawQuery
	// The raw query holds no CR or LF; an error from a call given the request's context is not input.
	if err := cache.Get(ctx.Request().Context(), "fixed"); err != nil {
		// ok: go.log-injection.logger
		log.Printf("cache miss for %s: %v", key, err)
	}
}
