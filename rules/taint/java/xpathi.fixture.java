import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import jakarta.servlet.http.HttpServletRequest;
import org.dom4j.Document;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class Users {
    private org.w3c.dom.Document users;
    private Document doc;

    public boolean login(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String user = request.getParameter("user");
        String pass = request.getParameter("pass");
        // ruleid: java.xpathi.query
        return (Boolean) xpath.evaluate("//user[name='" + user + "' and password='" + pass + "']", users, XPathConstants.BOOLEAN);
    }

    public Object compiled(HttpServletRequest request) throws Exception {
        XPath xp = XPathFactory.newInstance().newXPath();
        // ruleid: java.xpathi.query
        XPathExpression expr = xp.compile("/catalog/item[@id='" + request.getParameter("id") + "']");
        return expr.evaluate(users);
    }

    public Object chained(HttpServletRequest request) throws Exception {
        // ruleid: java.xpathi.query
        return XPathFactory.newInstance().newXPath().evaluate(request.getParameter("path"), users);
    }

    @PostMapping("/find")
    public Object spring(@RequestParam String name) throws Exception {
        XPath xPath = XPathFactory.newInstance().newXPath();
        String q = String.format("//employee[lastname='%s']", name);
        // ruleid: java.xpathi.query
        return xPath.evaluate(q, users);
    }

    public Object dom4j(HttpServletRequest request) {
        // ruleid: java.xpathi.query
        return doc.selectNodes("//order[customer='" + request.getParameter("customer") + "']");
    }

    public Object dom4jSingle(HttpServletRequest request) {
        // ruleid: java.xpathi.query
        return doc.selectSingleNode("//user[@name='" + request.getHeader("X-User") + "']");
    }

    public Object variable(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String name = request.getParameter("name");
        xpath.setXPathVariableResolver(v -> name);
        // ok: java.xpathi.query
        return xpath.evaluate("//user[name=$name]", users);
    }

    public Object numeric(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        int n = Integer.parseInt(request.getParameter("n"));
        // ok: java.xpathi.query
        return xpath.evaluate("/catalog/item[" + n + "]", users);
    }

    public Object constant(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ok: java.xpathi.query
        return xpath.evaluate("count(//item)", users);
    }

    public Object checked(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String id = request.getParameter("id");
        if (!id.matches("^[A-Za-z0-9]+$")) return null;
        // ok: java.xpathi.query
        return xpath.evaluate("/catalog/item[@id='" + id + "']", users);
    }

    public Object choice(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        String sort = "asc".equals(request.getParameter("sort")) ? "asc" : "desc";
        // ok: java.xpathi.query
        return xpath.evaluate("/catalog/item[@order='" + sort + "']", users);
    }

    public Object input(HttpServletRequest request) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // The request body is the document searched, not the expression.
        // ok: java.xpathi.query
        return xpath.evaluate("/order/id", new org.xml.sax.InputSource(request.getInputStream()));
    }
}
