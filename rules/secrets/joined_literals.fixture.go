// Tokens split over string literals that the code joins (issue 16). Fake values in the providers' formats.
package notify

import "strings"

// ruleid: secrets.slack.bot-token
const slackToken = "xoxb-362190989297-2288663707761-" + "JchsGeKm2jPeM2GmW0CwoYZ8"

var npmToken = strings.Join([]string{
	// ruleid: secrets.npm.access-token
	"npm_UZEHbambv17ttfkH3",
	"YUtgialdEUXufgW2RZJ",
}, "")

// ok: secrets.slack.bot-token
var prefix = "xoxb-" + strings.TrimSpace(suffix)

var suffix = ""
