package portal

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

// Redirects whose target comes from each framework's request getters, and the near misses that keep the target
// on this site.

func chiReturn(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.open-redirect
	http.Redirect(w, r, chi.URLParam(r, "dest"), http.StatusFound)
}

func muxReturn(w http.ResponseWriter, r *http.Request) {
	dest := mux.Vars(r)["dest"]
	// ruleid: go.open-redirect
	http.Redirect(w, r, dest, http.StatusSeeOther)
}

func pathValueReturn(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.open-redirect
	http.Redirect(w, r, r.PathValue("target"), http.StatusMovedPermanently)
}

func cookieReturn(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("return_to")
	if err != nil {
		return
	}
	// ruleid: go.open-redirect
	http.Redirect(w, r, c.Value, http.StatusFound)
}

func refererBack(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusFound)
	// ruleid: go.open-redirect
	w.Header().Add("Location", r.Header.Get("Referer"))
}

func parsedTarget(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.FormValue("continue"))
	if err != nil {
		return
	}
	// ruleid: go.open-redirect
	http.Redirect(w, r, u.String(), http.StatusFound)
}

func protocolRelative(w http.ResponseWriter, r *http.Request) {
	// "//" + host is a URL on another site, not a path on this one.
	// ruleid: go.open-redirect
	http.Redirect(w, r, "//"+r.FormValue("domain"), http.StatusFound)
}

func formatted(w http.ResponseWriter, r *http.Request) {
	base := strings.TrimSpace(r.PostFormValue("base"))
	// ruleid: go.open-redirect
	http.Redirect(w, r, fmt.Sprintf("%s/welcome", base), http.StatusFound)
}

func nextParam(r *http.Request) string {
	return r.URL.Query().Get("next")
}

func viaHelper(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.open-redirect
	http.Redirect(w, r, nextParam(r), http.StatusFound)
}

func slashesOnly(w http.ResponseWriter, r *http.Request) {
	next := r.FormValue("next")
	// Browsers read "/\\evil.example" as "//evil.example": the check must refuse a backslash too.
	if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") {
		// ruleid: go.open-redirect
		http.Redirect(w, r, next, http.StatusFound)
	}
}

func handlerFor(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.open-redirect
	http.RedirectHandler(r.FormValue("to"), http.StatusFound).ServeHTTP(w, r)
}

func ginDefault(c *gin.Context) {
	// ruleid: go.open-redirect
	c.Redirect(http.StatusFound, c.DefaultQuery("next", "/"))
}

func ginHeader(c *gin.Context) {
	// ruleid: go.open-redirect
	c.Writer.Header().Set("Location", c.PostForm("next"))
	c.Status(http.StatusFound)
}

func echoForm(c echo.Context) error {
	// ruleid: go.open-redirect
	return c.Redirect(http.StatusSeeOther, c.FormValue("return"))
}

func fiberParam(c *fiber.Ctx) error {
	// ruleid: go.open-redirect
	return c.Redirect(c.Get("Referer"), fiber.StatusFound)
}

func fiberPathParam(c *fiber.Ctx) error {
	// ruleid: go.open-redirect
	return c.Redirect(c.Params("*"))
}

// ---- not findings ----

func relativeOnly(w http.ResponseWriter, r *http.Request) {
	next := r.FormValue("next")
	if !(strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.HasPrefix(next, "/\\")) {
		next = "/"
	}
	// ok: go.open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func relativeInside(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.HasPrefix(next, "/\\") {
		// ok: go.open-redirect
		http.Redirect(w, r, next, http.StatusFound)
		return
	}
	// ok: go.open-redirect
	http.Redirect(w, r, "/", http.StatusFound)
}

func relativeNoBackslash(w http.ResponseWriter, r *http.Request) {
	next := r.URL.Query().Get("next")
	if strings.HasPrefix(next, "/") && !strings.HasPrefix(next, "//") && !strings.Contains(next, "\\") {
		// ok: go.open-redirect
		http.Redirect(w, r, next, http.StatusFound)
	}
}

func allowListed(w http.ResponseWriter, r *http.Request) {
	next := r.FormValue("next")
	if next != "/account" && next != "/settings" {
		next = "/"
	}
	// ok: go.open-redirect
	http.Redirect(w, r, next, http.StatusFound)
}

func byName(w http.ResponseWriter, r *http.Request) {
	var dest string
	switch r.FormValue("page") {
	case "docs":
		dest = "/docs"
	case "blog":
		dest = "https://blog.example.com/"
	default:
		dest = "/"
	}
	// ok: go.open-redirect
	http.Redirect(w, r, dest, http.StatusFound)
}

func chiPage(w http.ResponseWriter, r *http.Request) {
	// ok: go.open-redirect
	http.Redirect(w, r, "/articles/"+url.PathEscape(chi.URLParam(r, "slug")), http.StatusMovedPermanently)
}

func muxID(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.ParseInt(mux.Vars(r)["id"], 10, 64)
	if err != nil {
		return
	}
	// ok: go.open-redirect
	http.Redirect(w, r, fmt.Sprintf("https://shop.example.com/items/%d", id), http.StatusFound)
}

func fixedLocation(w http.ResponseWriter, r *http.Request) {
	// ok: go.open-redirect
	w.Header().Set("Location", "/login?reason="+url.QueryEscape(r.FormValue("reason")))
	// ok: go.open-redirect
	w.Header().Set("X-Return-To", r.FormValue("next"))
	w.WriteHeader(http.StatusFound)
}

func ginPath(c *gin.Context) {
	// ok: go.open-redirect
	c.Redirect(http.StatusMovedPermanently, "/v2"+c.Request.URL.Path)
}

func echoSearch(c echo.Context) error {
	// ok: go.open-redirect
	return c.Redirect(http.StatusFound, "/search?q="+url.QueryEscape(c.QueryParam("q")))
}

func fiberLang(c *fiber.Ctx) error {
	lang := c.Params("lang")
	if lang != "en" && lang != "de" {
		lang = "en"
	}
	// ok: go.open-redirect
	return c.Redirect("/" + lang + "/home")
}

// The target is the caller's, and no caller passes request data.
func redirectTo(w http.ResponseWriter, r *http.Request, target string) {
	// ok: go.open-redirect
	http.Redirect(w, r, target, http.StatusFound)
}
