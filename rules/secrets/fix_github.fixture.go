package main

import (
	"fmt"
)

func main() {
	// ruleid: secrets.github.classic-pat
	token := "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"
	fmt.Println(len(token))
}
