// PEM private keys inside string literals, with no keyword naming them (issue 16).
package main

// ruleid: secrets.key.ec-private
const a = "-----BEGIN EC PRIVATE KEY-----\r\nn+neOx2F60kAXBnDftPuuJhOwjIbfEiosFxHtO0Ytxj6CRWfXESGfH48/uYwibGD\r\nXEavEbvlFeAci61dqeUfaVKkfOAfWnOPaMCMuJiffD4wM8wLNrqNuXioeLeSjZqy\r\n-----END EC PRIVATE KEY-----\r\n"

const b = "" +
	// ruleid: secrets.key.rsa-private
	"-----BEGIN RSA PRIVATE KEY-----\n" +
	"2LQmIW30ANjn5SVaMkGBbKr7985w0necDDO7kWW1y+ptxYxToLPF76v0WdRZfrvz\n" +
	"Jp5wV7PE1gQssbS2Ble3kmd0rKv14CZjoepcuIZQ8fQ2CwslJipvOniPG9eeycIb\n" +
	"-----END RSA PRIVATE KEY-----\n"

// ok: secrets.key.rsa-private
const c = "-----BEGIN RSA PRIVATE KEY-----\n" + "-----END RSA PRIVATE KEY-----\n"
