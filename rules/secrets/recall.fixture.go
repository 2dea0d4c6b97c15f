package config

// Shapes a recall study on real fixed leaks missed (docs/accuracy.md); values are our own fakes.
// gofmt aligns struct literal fields, padding the name far from its colon.
var defaults = Settings{
	Host:                         "db.internal",
	// ruleid: secrets.generic.password-assignment
	DatabasePassword:             "Mv7#Lq2Tz9Wk",
	// ok: secrets.generic.password-assignment
	DatabasePasswordFile:         "/run/secrets/db",
	// ruleid: secrets.generic.api-key-assignment
	ApiKey:                       "c0ffee12-3a4b-4c5d-8e6f-7a8b9c0d1e2f",
}
