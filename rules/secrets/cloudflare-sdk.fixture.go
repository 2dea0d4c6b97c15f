// Cloudflare's Go SDK takes the credential as its constructor's first argument (issue 16). Fake values.
package dns

import (
	"os"

	"github.com/cloudflare/cloudflare-go"
)

func Client() (*cloudflare.API, error) {
	// ruleid: secrets.cloudflare.api-token
	return cloudflare.NewWithAPIToken("GPzEyoL8EsaJd-wyXxQPplH8ACyjkz4jmBQlm7kn")
}

func Legacy() (*cloudflare.API, error) {
	// ruleid: secrets.cloudflare.global-api-key
	return cloudflare.New(
		"8e3b1c77fc4c011f1bd38f1f34920fbd01f40",
		"ops@example.com",
	)
}

func FromEnv() (*cloudflare.API, error) {
	// ok: secrets.cloudflare.api-token
	return cloudflare.NewWithAPIToken(os.Getenv("CLOUDFLARE_API_TOKEN"))
}

// ok: secrets.cloudflare.api-token
var zone = cloudflare.ZoneIDByName("example.com")
