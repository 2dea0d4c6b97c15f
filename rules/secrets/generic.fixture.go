package main

import "fmt"

// ruleid: secrets.generic.api-key-assignment
var apiKey = "QMTodm8h2xMhDU7q88AD4fGInvLbB1Dq"

func main() {
	// ruleid: secrets.generic.password-assignment
	dbPassword := "aSWc1SsXw2A1+b"
	// ok: secrets.generic.password-assignment
	passwordPrompt := "Enter password: "
	fmt.Println(apiKey, dbPassword, passwordPrompt)
}

// Header names written with hyphens (Cloudflare's global key goes in X-Auth-Key).
var providerHeaders = map[string]map[string]string{
	// ruleid: secrets.generic.api-key-assignment
	"cloudflare": {"X-Auth-Email": "ops@acme.example", "X-Auth-Key": "b71e0c94d3a25f86e7c41d09a3b2f5e6c8d17"},
	// ok: secrets.generic.api-key-assignment
	"partner": {"X-Auth-Key": "PARTNER_AUTH_KEY_FROM_VAULT"},
}

// A webhook's signing key (`partnerWebhookKey`), as bytes.
// ruleid: secrets.generic.secret-assignment
var partnerWebhookKey = []byte("cSaQB/XV5JVyCVaD8bUUZ0/SdBJOkHPlYN/3cL+8iIvR")

// The event a webhook is keyed by is a name.
// ok: secrets.generic.secret-assignment
var webhookKey = "order.created"
