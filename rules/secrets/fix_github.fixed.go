package main

import (
	"os"
	"fmt"
)

func main() {
	// ruleid: secrets.github.classic-pat
	token := os.Getenv("GITHUB_TOKEN")
	fmt.Println(len(token))
}
