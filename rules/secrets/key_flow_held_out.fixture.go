// Held-out key-flow positives (session 16, docs/accuracy.md "Secrets recall 4"): written before any scan, fake values,
// not tuned on. The flows key-flow missed then were `todoruleid` until session 24.
package auth

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"time"

	"github.com/golang-jwt/jwt/v5"
)

// ruleid: secrets.crypto.jwt-secret
var signKey = []byte("br4LphPine5pWDQARoZxMC6l")

func Issue(user string) (string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": user, "exp": time.Now().Add(time.Hour).Unix()})
	return t.SignedString(signKey)
}

// ruleid: secrets.crypto.hmac-key
const hookSalt = "c9583d861990c94173fdd8d0cf6b1d7f4e6d60ecb3fbd64a25c292264b6444d7"

func Sign(body []byte) string {
	m := hmac.New(sha256.New, []byte(hookSalt))
	m.Write(body)
	return hex.EncodeToString(m.Sum(nil))
}
