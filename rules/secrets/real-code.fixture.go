// False positives found by the real-code study (docs/accuracy.md), in shapes of our own. Values are made up.
package realcode

// Basic credentials that decode to placeholder names ("APP_ID:APP_SECRET"), as tests of OAuth clients write them.
// ok: secrets.generic.basic-auth-header
const wantAuth = "Basic QVBQX0lEOkFQUF9TRUNSRVQ="

// Real-looking Basic credentials are still reported.
// ruleid: secrets.generic.basic-auth-header
const liveAuth = "Basic ZGVwbG95OlZxNyNtUjJ4IXBMOQ=="
