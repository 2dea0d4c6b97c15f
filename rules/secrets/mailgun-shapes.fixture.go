package config

// A map of provider keys, aligned with spaces.
var providerKeys = map[string]string{
	// ruleid: secrets.mailgun.private-key
	"mailgun":           "fa526f47fefdc380e727c081ef001b5b-87d1b20a-0cac5cbe",
	// ok: secrets.mailgun.private-key
	"mailgun_domain":    "mg.example.org",
}
