package main

import (
	"database/sql"
	"os"
)

func open() (*sql.DB, *sql.DB, *sql.DB) {
	// ruleid: secrets.db.mysql-go-dsn
	a, _ := sql.Open("mysql", "reports:Qx7vLm2pTz9kRw4nBc@tcp(mysql.internal:3306)/reports?parseTime=true")
	// ruleid: secrets.db.mysql-go-dsn
	b, _ := sql.Open("mysql", "app:Hn4kWq8zLr2xTv6m@unix(/var/run/mysqld/mysqld.sock)/app")
	// ok: secrets.db.mysql-go-dsn
	c, _ := sql.Open("mysql", os.Getenv("DB_USER")+":"+os.Getenv("DB_PASS")+"@tcp(db:3306)/app")
	return a, b, c
}
