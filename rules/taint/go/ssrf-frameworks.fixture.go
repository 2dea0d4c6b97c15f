package gateway

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
	"github.com/gorilla/mux"
	"github.com/labstack/echo/v4"
)

// Outgoing requests whose address comes from each framework's request getters, and the near misses that keep the
// scheme and host fixed (or the input out of the address).

const hooksURL = "https://hooks.example.com/in"

var httpClient = &http.Client{Timeout: 10 * time.Second}

type fetchRequest struct {
	URL  string `json:"url"`
	Note string `json:"note"`
}

func chiFetch(w http.ResponseWriter, r *http.Request) {
	// ruleid: go.ssrf.http-client
	resp, err := http.Get(chi.URLParam(r, "target"))
	if err != nil {
		return
	}
	resp.Body.Close()
}

func pathValuePing(w http.ResponseWriter, r *http.Request) {
	// Go 1.22 ServeMux pattern "/ping/{host}": the host is the input's, the literal scheme does not fix it.
	// ruleid: go.ssrf.http-client
	http.Head("https://" + r.PathValue("host") + "/ping")
}

func muxDial(w http.ResponseWriter, r *http.Request) {
	vars := mux.Vars(r)
	// ruleid: go.ssrf.http-client
	conn, err := net.DialTimeout("tcp", vars["addr"], 3*time.Second)
	if err != nil {
		return
	}
	conn.Close()
}

func forwardedHost(w http.ResponseWriter, r *http.Request) {
	host := r.Header.Get("X-Forwarded-Host")
	// ruleid: go.ssrf.http-client
	httpClient.Get(fmt.Sprintf("http://%s/api/v1/status", host))
}

func cookieBackend(w http.ResponseWriter, r *http.Request) {
	c, err := r.Cookie("backend")
	if err != nil {
		return
	}
	// ruleid: go.ssrf.http-client
	http.Get(c.Value + "/healthz")
}

func jsonBody(w http.ResponseWriter, r *http.Request) {
	var req fetchRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		return
	}
	// ruleid: go.ssrf.http-client
	http.Get(req.URL)
	// ok: go.ssrf.http-client
	http.Post(hooksURL, "text/plain", bytes.NewBufferString(req.Note))
}

func parsedURL(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.FormValue("feed"))
	if err != nil {
		return
	}
	// url.Parse checks the syntax, not the host.
	// ruleid: go.ssrf.http-client
	http.Get(u.String())
}

func builtURL(w http.ResponseWriter, r *http.Request) {
	var sb strings.Builder
	sb.WriteString("http://")
	sb.WriteString(r.URL.Query().Get("svc"))
	sb.WriteString(".internal/metrics")
	// ruleid: go.ssrf.http-client
	http.Get(sb.String())
}

// fetch is called with request data by preview: the flow goes through its parameter.
func fetch(ctx context.Context, target string) (*http.Response, error) {
	// ruleid: go.ssrf.http-client
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		return nil, err
	}
	return http.DefaultClient.Do(req)
}

func preview(w http.ResponseWriter, r *http.Request) {
	fetch(r.Context(), r.FormValue("link"))
}

func ginProxy(c *gin.Context) {
	// ruleid: go.ssrf.http-client
	req, _ := http.NewRequest(http.MethodPost, c.PostForm("endpoint"), c.Request.Body)
	httpClient.Do(req)
	// ruleid: go.ssrf.http-client
	http.Get(c.Request.URL.Query().Get("mirror"))
}

func ginHeader(c *gin.Context) {
	// ruleid: go.ssrf.http-client
	http.DefaultClient.Head(c.GetHeader("X-Origin"))
}

func echoCallback(c echo.Context) error {
	// ruleid: go.ssrf.http-client
	_, err := http.PostForm(c.FormValue("callback"), url.Values{"status": {"done"}})
	return err
}

func fiberFetch(c *fiber.Ctx) error {
	// ruleid: go.ssrf.http-client
	resp, err := http.Get(c.Query("url"))
	if err != nil {
		return err
	}
	return resp.Body.Close()
}

func fiberHeader(c *fiber.Ctx) error {
	var d net.Dialer
	// ruleid: go.ssrf.http-client
	conn, err := d.DialContext(c.Context(), "tcp", c.Get("X-Upstream"))
	if err != nil {
		return err
	}
	return conn.Close()
}

// ---- not findings ----

func allowListed(w http.ResponseWriter, r *http.Request) {
	host := r.URL.Query().Get("region")
	if host != "eu.api.example.com" && host != "us.api.example.com" {
		http.Error(w, "unknown region", http.StatusBadRequest)
		return
	}
	// ok: go.ssrf.http-client
	http.Get("https://" + host + "/v2/status")
}

func switchTarget(w http.ResponseWriter, r *http.Request) {
	var target string
	switch r.FormValue("service") {
	case "billing":
		target = "http://billing.internal:8080/health"
	case "search":
		target = "http://search.internal:9200/_cluster/health"
	default:
		return
	}
	// ok: go.ssrf.http-client
	http.Get(target)
}

func localPort(w http.ResponseWriter, r *http.Request) {
	port, err := strconv.Atoi(r.FormValue("port"))
	if err != nil {
		return
	}
	// ok: go.ssrf.http-client
	http.Get(fmt.Sprintf("http://127.0.0.1:%d/health", port))
}

func escapedQuery(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query().Get("q")
	// ok: go.ssrf.http-client
	http.Get("https://search.example.com/api?q=" + url.QueryEscape(q))
	// ok: go.ssrf.http-client
	httpClient.Get(fmt.Sprintf("https://search.example.com/api/%s/suggest", q))
}

func headerOnly(w http.ResponseWriter, r *http.Request) {
	// ok: go.ssrf.http-client
	req, _ := http.NewRequest(http.MethodGet, hooksURL, nil)
	req.Header.Set("X-Request-User", r.FormValue("user"))
	httpClient.Do(req)
}

func fromEnvironment(w http.ResponseWriter, r *http.Request) {
	// The environment is the operator's, not the visitor's (reported only at audit strictness).
	// ok: go.ssrf.http-client
	http.Get(os.Getenv("UPSTREAM_URL"))
}

func fixedDial(w http.ResponseWriter, r *http.Request) {
	// ok: go.ssrf.http-client
	conn, err := net.Dial("tcp", "cache.internal:6379")
	if err != nil {
		return
	}
	defer conn.Close()
	conn.Write([]byte("GET " + r.FormValue("key") + "\r\n"))
}

func ginByID(c *gin.Context) {
	id, err := uuid.Parse(c.Param("id"))
	if err != nil {
		return
	}
	// ok: go.ssrf.http-client
	http.Get("http://" + "orders.internal/" + id.String())
	// ok: go.ssrf.http-client
	http.Get(fmt.Sprint("http://orders.internal:8080/orders/", id))
}

func echoPage(c echo.Context) error {
	page, err := strconv.ParseUint(c.QueryParam("page"), 10, 32)
	if err != nil {
		return err
	}
	// ok: go.ssrf.http-client
	_, err = http.Get(fmt.Sprintf("http://catalog.internal:%d/items", 8080+page))
	return err
}

func fiberFixedHost(c *fiber.Ctx) error {
	// ok: go.ssrf.http-client
	_, err := http.Post("https://audit.example.com/events", "application/json", bytes.NewReader(c.Body()))
	return err
}

func fiberEscapedPath(c *fiber.Ctx) error {
	// ok: go.ssrf.http-client
	_, err := httpClient.Get("http://users.internal/" + url.PathEscape(c.Params("name")))
	return err
}

// Not a handler: the address is the program's.
func pollStatus(ctx context.Context, addr string) error {
	// ok: go.ssrf.http-client
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr, nil)
	if err != nil {
		return err
	}
	_, err = http.DefaultClient.Do(req)
	return err
}
