package store

import (
	"database/sql"
	"fmt"
	"os"

	_ "github.com/lib/pq"
)

func Open() (*sql.DB, error) {
	// ruleid: secrets.db.libpq-password
	return sql.Open("postgres", "host=pg.internal port=5432 user=worker password=Tq8_rLx2Vm9Kp4Zw dbname=jobs sslmode=require")
}

func OpenFromEnv() (*sql.DB, error) {
	// ok: secrets.db.libpq-password
	dsn := fmt.Sprintf("host=%s port=5432 user=worker password=%s dbname=jobs", os.Getenv("PGHOST"), os.Getenv("PGPASSWORD"))
	return sql.Open("postgres", dsn)
}

func OpenPassfile() (*sql.DB, error) {
	// ok: secrets.db.libpq-password
	return sql.Open("postgres", "host=pg.internal user=worker dbname=jobs passfile=/run/secrets/pgpass")
}
