// Held out 11 (issue 16): a format verb where a connection string's password goes is filled in at run time.
package dsn

import "fmt"

func open(server, user, pass string) []string {
	return []string{
		// ok: secrets.db.postgres-uri
		fmt.Sprintf("postgres://postgres:%s@db:5432/example?sslmode=disable", pass),
		// A literal in the same place is reported.
		// ruleid: secrets.db.postgres-uri
		"postgres://postgres:Kw7qZ2mX9vTp@db.internal:5432/example",
		// ok: secrets.db.ado-connection-string
		fmt.Sprintf("server=%s;user id=%s;password=%s;port=1433", server, user, pass),
		// ruleid: secrets.db.ado-connection-string
		fmt.Sprintf("server=%s;user id=%s;password=Rt5vW8nQ2zLx;port=1433", server, user),
	}
}
