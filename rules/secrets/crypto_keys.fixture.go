// Literal keys passed straight into crypto and token APIs (issue 16).
package main

import (
	"crypto/aes"
	"crypto/hmac"
	"crypto/sha256"
	"os"
)

func keys(token interface{ SignedString(k interface{}) (string, error) }) {
	// ruleid: secrets.crypto.hmac-key
	mac := hmac.New(sha256.New, []byte("Xdd3PnNdCLzfviQiNaQiyiSAwotUF4Vo"))
	// ok: secrets.crypto.hmac-key
	mac2 := hmac.New(sha256.New, []byte(os.Getenv("HMAC_KEY")))
	// ruleid: secrets.crypto.cipher-key
	block, _ := aes.NewCipher([]byte("R2FvEuqAHopiRnoU6p3jhQrzX4mUkHYe"))
	// ruleid: secrets.crypto.jwt-secret
	s, _ := token.SignedString([]byte("HjU6QPV9f3xJ4GWEfowq8BCxWK4tXm8v"))
	// ok: secrets.crypto.jwt-secret
	s2, _ := token.SignedString([]byte(os.Getenv("JWT_SECRET")))
	_, _, _, _, _ = mac, mac2, block, s, s2
}
