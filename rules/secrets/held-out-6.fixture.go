// Shapes of the false positives found by the sixth held-out study (docs/accuracy.md), with values of our own.
package directory

const (
	// An object identifier (an LDAP control's OID) under a password-named constant: a registered number.
	// ok: secrets.generic.password-assignment
	ControlTypePasswordWarn = "2.16.840.1.314159.2.6.5"
	// ok: secrets.generic.password-assignment
	ControlTypePasswordGrace = "2.16.840.1.271828.5.3.1"
	// ruleid: secrets.generic.password-assignment
	ControlPassword = "3.14159.26535.89793.2384"
)
