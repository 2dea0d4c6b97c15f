package auth

import (
	"crypto/subtle"
	"net/http"
	"os"
)

func adminOnly(r *http.Request) bool {
	_, pass, ok := r.BasicAuth()
	// ruleid: secrets.generic.constant-time-compare
	return ok && subtle.ConstantTimeCompare([]byte(pass), []byte("Gt5-wPz8-Kq2m-Vx7")) == 1
}

func fromEnv(r *http.Request) bool {
	_, pass, ok := r.BasicAuth()
	// ok: secrets.generic.constant-time-compare
	return ok && subtle.ConstantTimeCompare([]byte(pass), []byte(os.Getenv("ADMIN_PASSWORD"))) == 1
}
