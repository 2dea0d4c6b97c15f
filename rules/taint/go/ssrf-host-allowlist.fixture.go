// A parsed URL's host checked against a fixed set or a constant before the request.
package fetch

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
)

var trustedCDNs = map[string]bool{"cdn.example.com": true, "img.example.com": true}
var partnerHosts = []string{"api.partner.example"}

func Mirror(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("src"))
	if err != nil || u.Scheme != "https" || !trustedCDNs[u.Hostname()] {
		http.Error(w, "host not allowed", http.StatusBadRequest)
		return
	}
	// ok: go.ssrf.http-client
	resp, err := http.Get(u.String())
	if err == nil {
		resp.Body.Close()
	}
}

func Partner(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.FormValue("callback"))
	if err != nil || !slices.Contains(partnerHosts, u.Host) {
		http.Error(w, "host not allowed", http.StatusBadRequest)
		return
	}
	// ok: go.ssrf.http-client
	http.Post(u.String(), "application/json", nil)
}

func Fixed(w http.ResponseWriter, r *http.Request) error {
	u, err := url.Parse(r.FormValue("callback"))
	if err != nil {
		return err
	}
	if u.Hostname() != "hooks.example.com" {
		return errors.New("host not allowed")
	}
	// ok: go.ssrf.http-client
	_, err = http.Get(u.String())
	return err
}

func SchemeOnly(w http.ResponseWriter, r *http.Request) {
	u, err := url.Parse(r.URL.Query().Get("src"))
	if err != nil || u.Scheme != "https" {
		return
	}
	// ruleid: go.ssrf.http-client
	http.Get(u.String())
}

func Noted(w http.ResponseWriter, r *http.Request) {
	u, _ := url.Parse(r.URL.Query().Get("src"))
	if !trustedCDNs[u.Hostname()] {
		w.Header().Set("X-Untrusted", "1")
	}
	// ruleid: go.ssrf.http-client
	http.Get(u.String())
}
