// Log injection from each framework's request data, through the log package, a named *log.Logger, glog and klog.
package web

import (
	"fmt"
	"log"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/golang/glog"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
	"k8s.io/klog/v2"
)

type server struct{ logger *log.Logger }

type loginForm struct {
	User string `json:"user"`
}

func ginLogin(c *gin.Context) {
	var form loginForm
	if err := c.ShouldBindJSON(&form); err != nil {
		return
	}
	// ruleid: go.log-injection.logger
	log.Printf("login for %s", form.User)
	// ruleid: go.log-injection.logger
	glog.Errorf("bad id %v", c.Param("id"))
}

func echoSearch(c echo.Context) error {
	msg := fmt.Sprintf("search %s", c.QueryParam("q"))
	// ruleid: go.log-injection.logger
	log.Print(msg)
	// ruleid: go.log-injection.logger
	klog.V(2).Infof("search %s", c.QueryParam("q"))
	return nil
}

func fiberItem(c *fiber.Ctx) error {
	// ruleid: go.log-injection.logger
	log.Fatalf("item %s not found", c.Params("id"))
	return nil
}

func (s *server) chiItem(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.log-injection.logger
	s.logger.Println("item", chi.URLParam(r, "id"))
	// ruleid: go.log-injection.logger
	glog.Warning("vars: ", mux.Vars(r)["name"])
	// ruleid: go.log-injection.logger
	log.Panicln("bad item", r.PostForm.Get("id"))
}

// ---- not findings ----

func constants(w http.ResponseWriter, r *http.Request) {
	// ok: go.log-injection.logger
	log.Printf("%s %s", r.Method, "done")
	// ok: go.log-injection.logger
	glog.Infof("request from %q", r.FormValue("user"))
	// fmt to the response writer is not the log.
	// ok: go.log-injection.logger
	fmt.Fprintf(w, "%s", "ok")
}
