// Shapes a second recall study on fixed leaks missed (docs/accuracy.md); values are our own fakes.
package main

import "os"

func configure() {
	// ruleid: secrets.generic.token-assignment
	os.Setenv("UPSTREAM_AUTH", "Pq4mWx9zTn2rKv6bYc8d")
	// ok: secrets.generic.token-assignment
	os.Setenv("UPSTREAM_AUTH", os.Getenv("SOURCE_AUTH"))
	// ok: secrets.generic.token-assignment
	os.Setenv("UPSTREAM_AUTH", "none")
}
