// MongoDB $where clauses built from input.
package repo

import (
	"net/http"
	"strconv"

	"go.mongodb.org/mongo-driver/bson"
	"go.mongodb.org/mongo-driver/mongo"
)

var coll *mongo.Collection

func FindByTitle(w http.ResponseWriter, r *http.Request) {
	title := r.URL.Query().Get("title")
	// ruleid: go.nosqli.mongo-where
	coll.Find(r.Context(), bson.M{"$where": "this.title == '" + title + "'"})
	// ruleid: go.nosqli.mongo-where
	coll.Find(r.Context(), bson.D{bson.E{Key: "$where", Value: "this.owner == '" + title + "'"}})
	// ok: go.nosqli.mongo-where
	coll.Find(r.Context(), bson.M{"title": title})
	n, _ := strconv.Atoi(r.URL.Query().Get("min"))
	// ok: go.nosqli.mongo-where
	coll.Find(r.Context(), bson.M{"$where": "this.count > " + strconv.Itoa(n)})
}
