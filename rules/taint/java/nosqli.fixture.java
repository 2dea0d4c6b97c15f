import com.mongodb.BasicDBObject;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import javax.servlet.http.HttpServletRequest;
import org.bson.Document;

// MongoDB filters from JSON text and $where clauses.
public class MovementRepository {
    private MongoCollection<Document> movements;

    void find(HttpServletRequest req) {
        String note = req.getParameter("note");
        // ruleid: java.nosqli.mongo
        movements.find(Document.parse("{ \"note\": \"" + note + "\" }"));
        // ruleid: java.nosqli.mongo
        movements.find(new Document("$where", "this.quantity > " + req.getParameter("min")));
        // ruleid: java.nosqli.mongo
        movements.find(Filters.where("this.owner == '" + note + "'"));
        // ruleid: java.nosqli.mongo
        movements.find(BasicDBObject.parse(req.getParameter("filter")));
        // ok: java.nosqli.mongo
        movements.find(Filters.eq("note", note));
        // ok: java.nosqli.mongo
        movements.find(new Document("note", note));
        // A number cannot carry code.
        // ok: java.nosqli.mongo
        movements.find(new Document("$where", "this.quantity > " + Integer.parseInt(req.getParameter("min"))));
        // ok: java.nosqli.mongo
        movements.find(Document.parse("{ \"status\": \"open\" }"));
    }
}
