package fetch

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/labstack/echo/v4"
)

func proxy(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	// ruleid: go.ssrf.http-client
	resp, err := http.Get(target)
	if err != nil {
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func webhook(w http.ResponseWriter, r *http.Request) {
	hook := r.FormValue("hook")
	// ruleid: go.ssrf.http-client
	http.Post(hook, "application/json", r.Body)
	// ruleid: go.ssrf.http-client
	http.Head("http://" + hook + "/health")
	// ok: go.ssrf.http-client
	http.Post("https://hooks.example.com/in/"+url.PathEscape(hook), "application/json", nil)
}

func withClient(w http.ResponseWriter, r *http.Request) {
	client := &http.Client{Timeout: 5 * time.Second}
	host := r.Header.Get("X-Backend")
	// ruleid: go.ssrf.http-client
	req, _ := http.NewRequest("GET", "https://"+host+"/status", nil)
	client.Do(req)
	// ruleid: go.ssrf.http-client
	req2, _ := http.NewRequestWithContext(r.Context(), http.MethodGet, fmt.Sprintf("http://%s/x", host), nil)
	client.Do(req2)
	// ruleid: go.ssrf.http-client
	client.Get(host)
	// ok: go.ssrf.http-client
	req3, _ := http.NewRequest("GET", "https://status.example.com/v1/"+host, nil)
	client.Do(req3)
	// ok: go.ssrf.http-client
	http.DefaultClient.Get(fmt.Sprintf("https://api.example.com/users/%s", host))
}

func item(c *gin.Context) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		return
	}
	// ok: go.ssrf.http-client
	http.Get("http://inventory.internal/items?id=" + strconv.Itoa(id))
	// ok: go.ssrf.http-client
	http.Get(fmt.Sprint("http://inventory.internal/items?id=", id))
	// ruleid: go.ssrf.http-client
	http.Get(c.Query("src"))
}

func probe(c echo.Context) error {
	addr := c.QueryParam("addr")
	// ruleid: go.ssrf.http-client
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		return err
	}
	defer conn.Close()
	var d net.Dialer
	// ruleid: go.ssrf.http-client
	d.DialContext(context.Background(), "tcp", addr)
	// ruleid: go.ssrf.http-client
	tls.Dial("tcp", addr+":443", &tls.Config{})
	// ok: go.ssrf.http-client
	net.DialTimeout("tcp", "db.internal:5432", time.Second)
	return nil
}

// A port probe of a host and port from the query, joined by net.JoinHostPort.
func Probe(w http.ResponseWriter, r *http.Request) {
	addr := net.JoinHostPort(r.URL.Query().Get("host"), r.URL.Query().Get("port"))
	// ruleid: go.ssrf.http-client
	conn, err := net.DialTimeout("tcp", addr, 3*time.Second)
	if err == nil {
		conn.Close()
	}
	// ok: go.ssrf.http-client
	net.DialTimeout("tcp", net.JoinHostPort("db.internal", "5432"), time.Second)
}

// A reverse proxy whose upstream comes from a request header: every request goes where the caller says.
func Upstream(w http.ResponseWriter, r *http.Request) {
	target, err := url.Parse(r.Header.Get("X-Upstream"))
	if err != nil {
		return
	}
	// ruleid: go.ssrf.http-client
	httputil.NewSingleHostReverseProxy(target).ServeHTTP(w, r)
	fixed, _ := url.Parse("http://backend.internal:8080")
	// ok: go.ssrf.http-client
	httputil.NewSingleHostReverseProxy(fixed).ServeHTTP(w, r)
}
