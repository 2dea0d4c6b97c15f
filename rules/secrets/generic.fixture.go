package main

import "fmt"

// ruleid: secrets.generic.api-key-assignment
var apiKey = "QMTodm8h2xMhDU7q88AD4fGInvLbB1Dq"

func main() {
	// ruleid: secrets.generic.password-assignment
	dbPassword := "aSWc1SsXw2A1+b"
	// ok: secrets.generic.password-assignment
	passwordPrompt := "Enter password: "
	fmt.Println(apiKey, dbPassword, passwordPrompt)
}
