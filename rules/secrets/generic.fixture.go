package main

import "fmt"

// ruleid: secrets.generic.api-key-assignment
var apiKey = "5Z6gxXL5XIADMUV6LqefItpqaOPUrAUR"

func main() {
	// ruleid: secrets.generic.password-assignment
	dbPassword := "fE=Y7ypV_z#8^j"
	// ok: secrets.generic.password-assignment
	passwordPrompt := "Enter password: "
	fmt.Println(apiKey, dbPassword, passwordPrompt)
}
