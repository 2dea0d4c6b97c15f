// Context shapes: the keyword and the value apart or in an unusual form (issue 16).
package main

import "os"

// ruleid: secrets.generic.token-assignment
var apiToken string = "da3GPfNzdAAGNCdfVFYJMMk9ibjJw9Bi"

// ruleid: secrets.generic.token-assignment
const authToken = "tKTao8vRgHzgjEp6ac8uSjfE7DCivJma"

// ok: secrets.generic.token-assignment
var tokenTTL string = "3600s"

func setup(m map[string]string) {
	// ruleid: secrets.generic.token-assignment
	refreshToken := "44JwVn6cfHfzLHrWerdf8JbL9kYs8bKt"
	// ruleid: secrets.generic.token-assignment
	os.Setenv("API_TOKEN", "gCQoT6A2kmE3pGYgEyShXUAKefk4r7MN")
	// ok: secrets.generic.token-assignment
	os.Setenv("API_TOKEN", os.Getenv("VAULT_API_TOKEN_VALUE_FROM_CI"))
	// ruleid: secrets.generic.password-assignment
	m["password"] = "r64G2HFNLugMg5"
	// ok: secrets.generic.password-assignment
	m["password"] = "changeme"
	creds := map[string]string{
		// ruleid: secrets.generic.password-assignment
		"password": "DXg3iUETZMmVXB",
		// ok: secrets.generic.password-assignment
		"password_hint": "wHmEbgvg8z6qKo",
	}
	_ = creds
	// The key name on the line above its value.
	more := map[string]string{
		"password":
			"rqY94ckxYZo4ap", // ruleid: secrets.generic.password-assignment
	}
	_ = more
	_ = refreshToken
}

// A shell-style placeholder default inside a string: the default is used when the variable is unset.
// ruleid: secrets.generic.password-assignment
var dsnPassword = "${DB_PASSWORD:-Wq7Lz3Kx9Nb2Tr5Hm}"

// ok: secrets.generic.password-assignment
var dsnPasswordUnset = "${DB_PASSWORD:-}"

// Struct tags read by caarlos0/env: a default for a secret-named variable is a hard-coded secret.
type Config struct {
	// ruleid: secrets.generic.api-key-assignment
	CarrierAPIKey string `env:"CARRIER_API_KEY" envDefault:"Lw8sQz2Nc7Vk4Xb9Hm3Tp6Rd1Fg5Jy0A"`
	// ruleid: secrets.generic.password-assignment
	DBPassword string `env:"DB_PASSWORD" envDefault:"r7Kq2Wz9Xv4Nb8Lm"`
	// ok: secrets.generic.api-key-assignment
	LabelAPIKeyHeader string `env:"LABEL_API_KEY_HEADER" envDefault:"X-Api-Key"`
	// ok: secrets.generic.password-assignment
	DBPasswordFile string `env:"DB_PASSWORD_FILE" envDefault:"/run/secrets/db_password"`
}
