package config

import "os"

// Context shapes (issue 16): map literals and index assignments.
func Defaults(settings map[string]string) map[string]string {
	m := map[string]string{
		// ruleid: secrets.generic.api-key-assignment
		"api_key": "dHb2U9LhOS0irYkPvdRHUNL9yf",
		// ok: secrets.generic.secret-assignment
		"client_secret": os.Getenv("CLIENT_SECRET"),
	}
	// ruleid: secrets.generic.token-assignment
	settings["auth_token"] = "4StfxDPNV2adCV1jFzYI20eBah"
	// ok: secrets.generic.token-assignment
	settings["auth_token"] = os.Getenv("AUTH_TOKEN")
	return m
}
