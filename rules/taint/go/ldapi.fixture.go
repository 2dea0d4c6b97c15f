package auth

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/go-ldap/ldap/v3"
)

var conn *ldap.Conn

func Lookup(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	req := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		// ruleid: go.ldapi.search-filter
		fmt.Sprintf("(&(objectClass=person)(uid=%s))", user), []string{"dn"}, nil)
	conn.Search(req)
}

func Login(w http.ResponseWriter, r *http.Request) {
	filter := "(mail=" + r.FormValue("email") + ")"
	// ruleid: go.ldapi.search-filter
	req := ldap.NewSearchRequest("ou=people,dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 1, 0, false, filter, nil, nil)
	conn.Search(req)
}

func Group(w http.ResponseWriter, r *http.Request) {
	req := ldap.NewSearchRequest(
		// ruleid: go.ldapi.search-filter
		"ou="+r.URL.Query().Get("ou")+",dc=example,dc=com",
		ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false, "(objectClass=group)", nil, nil)
	conn.Search(req)
}

func Escaped(w http.ResponseWriter, r *http.Request) {
	user := ldap.EscapeFilter(r.URL.Query().Get("user"))
	req := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		// ok: go.ldapi.search-filter
		fmt.Sprintf("(uid=%s)", user), []string{"dn"}, nil)
	conn.Search(req)
}

func ByNumber(w http.ResponseWriter, r *http.Request) {
	n, err := strconv.Atoi(r.URL.Query().Get("n"))
	if err != nil {
		return
	}
	req := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
		// ok: go.ldapi.search-filter
		fmt.Sprintf("(uidNumber=%d)", n), nil, nil)
	conn.Search(req)
}
