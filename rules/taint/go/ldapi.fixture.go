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
	// ruleid: go.ldapi.search-filter
	req := ldap.NewSearchRequest("dc=example,dc=com", ldap.ScopeWholeSubtree, ldap.NeverDerefAliases, 0, 0, false,
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
	// ruleid: go.ldapi.dn
	req := ldap.NewSearchRequest(
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

func Rename(w http.ResponseWriter, r *http.Request) {
	uid := r.PathValue("uid")
	// ruleid: go.ldapi.dn
	mod := ldap.NewModifyRequest("uid="+uid+",ou=people,dc=example,dc=com", nil)
	mod.Replace("title", []string{"staff"})
	conn.Modify(mod)
	// ruleid: go.ldapi.dn
	conn.Del(ldap.NewDelRequest(fmt.Sprintf("uid=%s,ou=people,dc=example,dc=com", uid), nil))
	// ok: go.ldapi.dn
	safe := ldap.NewModifyRequest("uid="+ldap.EscapeDN(uid)+",ou=people,dc=example,dc=com", nil)
	conn.Modify(safe)
	// ok: go.ldapi.dn
	conn.Modify(ldap.NewModifyRequest("cn=admins,ou=groups,dc=example,dc=com", nil))
}

func BindAs(w http.ResponseWriter, r *http.Request) {
	uid := r.FormValue("uid")
	// ruleid: go.ldapi.dn
	if err := conn.Bind(fmt.Sprintf("uid=%s,ou=people,dc=example,dc=com", uid), r.FormValue("password")); err != nil {
		return
	}
	// ok: go.ldapi.dn
	conn.Bind("cn=reader,dc=example,dc=com", r.FormValue("password"))
	// ok: go.ldapi.dn
	conn.Bind("uid="+ldap.EscapeDN(uid)+",ou=people,dc=example,dc=com", r.FormValue("password"))
}
