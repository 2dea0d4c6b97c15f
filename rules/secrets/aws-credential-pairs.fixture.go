package storage

import "github.com/aws/aws-sdk-go/aws/credentials"

func staticCreds() *credentials.Credentials {
	// ruleid: secrets.aws.access-key-id, secrets.aws.secret-access-key
	return credentials.NewStaticCredentials("AKIAZAHOAN7MXABZVVCU", "1iqq5I3740o51MLknLm6nGPPx41NgDtBxvUPV9Qh", "")
}

func fromConfig(cfg Config) *credentials.Credentials {
	// ruleid: secrets.aws.access-key-id
	// ok: secrets.aws.secret-access-key
	return credentials.NewStaticCredentials("AKIAL2YDDFTSONZL2SY4", cfg.SecretKey, "")
}
