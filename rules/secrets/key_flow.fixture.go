// A literal key reaches a crypto or token API through a name assigned once (issue 16).
package keyflow

import (
	"crypto/aes"
	"crypto/hmac"
	"crypto/sha256"
	"os"

	"github.com/golang-jwt/jwt/v5"
)

// ruleid: secrets.crypto.hmac-key
const macKey = "Uo2Vp7Wq3Xr8Ys4Zt9Au5Bv1Cw6Dx0Ey"

func Sign(data []byte, claims jwt.MapClaims) (string, error) {
	m := hmac.New(sha256.New, []byte(macKey))
	m.Write(data)
	// ruleid: secrets.crypto.jwt-secret
	jwtKey := "Fz3Ga8Hb2Ic7Jd1Ke6Lf4Mg9Nh5Oi0Pj"
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString([]byte(jwtKey))
}

func Cipher() error {
	// ok: secrets.crypto.cipher-key
	// A default key named as one is still a key in the code.
	// ruleid: secrets.generic.secret-assignment
	aesKey := "Qk4Rl9Sm3Tn8Uo2Vp7Wq1Xr6Ys5Zt0Au"
	if v := os.Getenv("AES_KEY"); v != "" {
		aesKey = v
	}
	_, err := aes.NewCipher([]byte(aesKey))
	return err
}

// ruleid: secrets.crypto.jwt-secret
var tokenKey = []byte("5JnQfSzyk6xIDeDGaq3FzRp6WTiNw8vY")

// ok: secrets.crypto.jwt-secret
var envKey = []byte(os.Getenv("JWT_SECRET"))

func Tokens(claims jwt.MapClaims) (string, string, error) {
	t := jwt.NewWithClaims(jwt.SigningMethodHS256, claims)
	a, err := t.SignedString(tokenKey)
	if err != nil {
		return "", "", err
	}
	b, err := t.SignedString(envKey)
	return a, b, err
}
