// Literal passwords passed to calls that take credentials (issue 16). Values are our own fakes.
package notify

import (
	"net/http"
	"net/smtp"
	"net/url"
	"os"
)

func send() error {
	// ruleid: secrets.generic.credential-call-third-argument
	auth := smtp.PlainAuth("", "alerts@mail.example.net", "Gp3!zr7Wq", "smtp.mail.example.net")
	return smtp.SendMail("smtp.mail.example.net:587", auth, "alerts@mail.example.net", []string{"ops@example.net"}, nil)
}

func sendFromEnv() smtp.Auth {
	// ok: secrets.generic.credential-call-third-argument
	return smtp.PlainAuth("", "alerts@mail.example.net", os.Getenv("SMTP_PASSWORD"), "smtp.mail.example.net")
}

func get(u string) (*http.Response, error) {
	req, _ := http.NewRequest("GET", u, nil)
	// ruleid: secrets.generic.credential-call-second-argument
	req.SetBasicAuth("ops", "Bx5qLw82Rt")
	return http.DefaultClient.Do(req)
}

func proxy() *url.URL {
	// ruleid: secrets.generic.credential-call-second-argument
	return &url.URL{Scheme: "http", Host: "proxy.example.net:3128", User: url.UserPassword("relay", "Rl9!vk3Qm")}
}
