// Pass 12 (issue 16): the same providers' keys as literals in Go code.
package providers

import (
	"net/http"
	"os"
)

// ruleid: secrets.lark.access-token
const larkTenantToken = "t-23f466d4128107ae40a81b3d5ba5883cc45ade55"

// A CSS-like class name with a hash is not a token: it is longer than 40 hex digits after `a-`.
// ok: secrets.lark.access-token
const iconClass = "a-2ac064c97b1b07bf0e0431482ad9bc62cc2f15da9"

func infobipRequest(req *http.Request) {
	// ruleid: secrets.infobip.api-key
	req.Header.Set("Authorization", "App ec81a92482527b1eaaf4a213a68f90a3-ff71903b-cb11-8b56-6678-d876a51521fa")
	// ok: secrets.infobip.api-key
	req.Header.Set("Authorization", "App "+os.Getenv("INFOBIP_API_KEY"))
}

func webexRequest(req *http.Request) {
	// ruleid: secrets.webex.access-token
	req.Header.Set("Authorization", "Bearer jy3neeSRu0flqbfQJ75CyTCp5oY7zJ6Tn9C2a42xMQXeIBdYWtIgG7rveUk3FtQn_P0A1_f9c67187-2aa8-8d07-d9b4-4e20d36507f6")
}

// ruleid: secrets.pushbullet.access-token
var pushbulletHeaders = map[string]string{"Access-Token": "o.3Yd2aMv4Z12MABPXwxGnmsVLxwz2nXZM"}

// A field path on a Pushbullet line is not a token.
// ok: secrets.pushbullet.access-token
var pushbulletField = "pushbullet: o.AccessTokenFromTheSettingsPageAbc123.value"

// ruleid: secrets.loggly.customer-token
const logglyURL = "https://logs-01.loggly.com/inputs/80ff0b0c-7cb3-5331-2695-6f9ed154c133/tag/http/"

// ok: secrets.loggly.customer-token
const logglyTemplate = "https://logs-01.loggly.com/inputs/TOKEN/tag/http/"

// ruleid: secrets.logzio.shipping-token
const logzioListener = "https://listener.logz.io:8071/?token=DkrszMGzPCdmQCrwaFctYxMAdlVXedmw&type=go"

// ok: secrets.logzio.shipping-token
const logzioListenerTemplate = "https://listener.logz.io:8071/?token=<<LOG-SHIPPING-TOKEN>>&type=go"

func opsgenieRequest(req *http.Request) {
	// ruleid: secrets.opsgenie.api-key
	req.Header.Set("Authorization", "GenieKey 4fed7669-f1a6-8afb-90df-f28e3393023d")
	// ok: secrets.opsgenie.api-key
	req.Header.Set("Authorization", "GenieKey "+os.Getenv("OPSGENIE_API_KEY"))
}

// ruleid: secrets.scrapfly.api-key
var scrapflyKey = "scp-test-4d339aa27f9e58d69b3592053cd842b4"

// ok: secrets.scrapfly.api-key
var scrapflyPrefixes = []string{"scp-live-", "scp-test-"}

// ruleid: secrets.nightfall.api-key
var nightfallClient = newClient("NF-dXZ4O76gbzPozURe6LqbVbwIANsFWclp")

// ruleid: secrets.samsara.api-token
var samsaraToken = "samsara_api_b9mbmuG8yoMPeBAj0UFkJbGMVxN6Xp"

// ok: secrets.samsara.api-token
var samsaraTokenPrefix = "samsara_api_"

func merakiRequest(req *http.Request) {
	// ruleid: secrets.meraki.api-key
	req.Header.Set("X-Cisco-Meraki-API-Key", "130e51b9c75317875bbdf8ca2d251bf077cf3a99")
	// ok: secrets.meraki.api-key
	req.Header.Set("X-Cisco-Meraki-API-Key", os.Getenv("MERAKI_DASHBOARD_API_KEY"))
}

func godaddyRequest(req *http.Request) {
	// ruleid: secrets.godaddy.api-key
	req.Header.Set("Authorization", "sso-key EYpWCtVznhoE_MYJayhJf7nDJoZmYRmuPaZ:Dz3lhdHosjXJvk0EpiP2mN")
	// ok: secrets.godaddy.api-key
	req.Header.Set("Authorization", "sso-key "+os.Getenv("GODADDY_API_KEY")+":"+os.Getenv("GODADDY_API_SECRET"))
}

// ruleid: secrets.bitbucket.data-center-token
var bitbucketAuth = map[string]string{"Authorization": "Bearer BBDC-mKh5fFlN1RCGdDf9R/r2DGgUu1kXaETDdiz1IOXqyysz"}

func newClient(key string) string { return key }
