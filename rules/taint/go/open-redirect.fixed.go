package auth

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func login(w http.ResponseWriter, r *http.Request) {
	next := r.FormValue("next")
	// ruleid: go.open-redirect
	http.Redirect(w, r, func(u string) string { if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\") { return u }; return "/" }(next), http.StatusFound)
	// ok: go.open-redirect
	http.Redirect(w, r, "/home", http.StatusFound)
	// ok: go.open-redirect
	http.Redirect(w, r, "/search?q="+url.QueryEscape(next), http.StatusSeeOther)
}

func logout(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.open-redirect
	http.Redirect(w, r, func(u string) string { if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\") { return u }; return "/" }(r.URL.Query().Get("return_to")), http.StatusTemporaryRedirect)
	back := r.Referer()
	// ruleid: go.open-redirect
	w.Header().Set("Location", func(u string) string { if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\") { return u }; return "/" }(back))
	// ok: go.open-redirect
	w.Header().Set("Location", "/bye")
	// ok: go.open-redirect
	w.Header().Set("Content-Type", back)
}

func page(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.FormValue("page"))
	if err != nil {
		return
	}
	// ok: go.open-redirect
	http.Redirect(w, r, "/list?page="+strconv.Itoa(n), http.StatusFound)
}

func ginCallback(c *gin.Context) {
	// ruleid: go.open-redirect
	c.Redirect(http.StatusFound, func(u string) string { if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\") { return u }; return "/" }(c.Query("redirect_uri")))
	// ok: go.open-redirect
	c.Redirect(http.StatusFound, "/dashboard")
}

func echoCallback(c echo.Context) error {
	// ruleid: go.open-redirect
	return c.Redirect(http.StatusFound, func(u string) string { if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\") { return u }; return "/" }(c.QueryParam("to")))
}

func fiberCallback(c *fiber.Ctx) error {
	// ruleid: go.open-redirect
	return c.Redirect(func(u string) string { if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\") { return u }; return "/" }(c.Query("to")))
}

func fiberFixed(c *fiber.Ctx) error {
	// ok: go.open-redirect
	return c.Redirect("/welcome", fiber.StatusSeeOther)
}

func checked(w http.ResponseWriter, r *http.Request) {
	next := r.FormValue("next")
	if !strings.HasPrefix(next, "/") {
		next = "/"
	}
	// A prefix check alone lets //evil.example through.
	// ruleid: go.open-redirect
	http.Redirect(w, r, func(u string) string { if strings.HasPrefix(u, "/") && !strings.HasPrefix(u, "//") && !strings.HasPrefix(u, "/\\") { return u }; return "/" }(next), http.StatusFound)
}
