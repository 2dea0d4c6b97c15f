// A literal converted to bytes where it is declared (issue 16). Fake values.
package payments

import "os"

// ruleid: secrets.generic.secret-assignment
var webhookSecret = []byte("9df18be8ae863a5a8b9ca2c577a82ee9096ca160")

// ok: secrets.generic.secret-assignment
var webhookSecretFromEnv = []byte(os.Getenv("WEBHOOK_SECRET"))

// ruleid: secrets.generic.secret-assignment
var signingSecret []byte = []byte("FMLdkpJlxCrJvjbd9WVo1jsh")

// ok: secrets.generic.secret-assignment
var secretHeader = []byte("X-Signature")
