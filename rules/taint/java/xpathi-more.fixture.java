import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmAtomicValue;
import net.sf.saxon.s9api.XdmNode;
import org.apache.commons.jxpath.JXPathContext;
import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.jboss.resteasy.reactive.RestQuery;
import org.jdom2.filter.Filters;
import org.owasp.esapi.ESAPI;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

// XPath expressions from request data: javax.xml.xpath, dom4j, JDOM 2, Saxon, Commons JXPath.
public class Catalog {
    private static final Map<String, String> SORTS = Map.of("price", "@price", "name", "title");
    private org.w3c.dom.Document catalog;
    private org.dom4j.Document doc;
    private org.jdom2.Document jdomDoc;
    private XPathCompiler xpathCompiler;
    private XdmNode saxonDoc;
    private Object model;

    // ---- Spring MVC / WebFlux ---------------------------------------------------------------

    @GetMapping("/items")
    public Object header(@RequestHeader("X-Region") String region) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java.xpathi.query
        return xpath.evaluate("//item[@region='" + region + "']", catalog, XPathConstants.NODESET);
    }

    @GetMapping("/count")
    public Object evaluateExpression(@RequestParam String category) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java.xpathi.query
        return xpath.evaluateExpression("count(//item[category='" + category + "'])", catalog, Double.class);
    }

    @GetMapping("/sorted")
    public Object lookedUp(@RequestParam String sort) throws Exception {
        // The expression part comes from a fixed map keyed by the input.
        String key = SORTS.getOrDefault(sort, "title");
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ok: java.xpathi.query
        return xpath.evaluate("//item/" + key, catalog);
    }

    @GetMapping("/esapi")
    public Object esapi(@RequestParam String name) throws Exception {
        String safe = ESAPI.encoder().encodeForXPath(name);
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ok: java.xpathi.query
        return xpath.evaluate("//item[name='" + safe + "']", catalog);
    }

    @GetMapping("/compiled")
    public Object compiledConstant(@RequestParam String id) throws Exception {
        XPathExpression byId = XPathFactory.newInstance().newXPath().compile("//item[@id=$id]");
        // ok: java.xpathi.query
        Object result = byId.evaluate(catalog, XPathConstants.NODE);
        return result;
    }

    public Object reactive(ServerWebExchange exchange) throws Exception {
        String tag = exchange.getRequest().getQueryParams().getFirst("tag");
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java.xpathi.query
        return xpath.compile("//item[tags/tag='" + tag + "']").evaluate(catalog);
    }

    // ---- dom4j / JDOM 2 ---------------------------------------------------------------------

    public Object dom4jXPath(HttpServletRequest request) {
        // ruleid: java.xpathi.query
        org.dom4j.XPath xp = DocumentHelper.createXPath("//book[author='" + request.getParameter("author") + "']");
        return xp.selectNodes(doc);
    }

    public Object dom4jElement(HttpServletRequest request, Element element) {
        String field = request.getParameter("field");
        // ruleid: java.xpathi.query
        return element.valueOf("./" + field);
    }

    public Object jdom(HttpServletRequest request) {
        String isbn = request.getParameter("isbn");
        // ruleid: java.xpathi.query
        return org.jdom2.xpath.XPathFactory.instance().compile("//book[@isbn='" + isbn + "']", Filters.element()).evaluate(jdomDoc);
    }

    public Object dom4jConstant(HttpServletRequest request) {
        // The input selects nothing here: it is compared after the query ran.
        List<org.dom4j.Node> books = doc.selectNodes("//book");
        String author = request.getParameter("author");
        // ok: java.xpathi.query
        return books.stream().filter(b -> author.equals(b.valueOf("author"))).toList();
    }

    // ---- Saxon s9api ------------------------------------------------------------------------

    public Object saxon(HttpServletRequest request) throws Exception {
        String q = request.getParameter("q");
        // ruleid: java.xpathi.query
        XPathSelector selector = xpathCompiler.compile("//entry[title='" + q + "']").load();
        selector.setContextItem(saxonDoc);
        return selector.evaluate();
    }

    public Object saxonVariable(HttpServletRequest request) throws Exception {
        xpathCompiler.declareVariable(new net.sf.saxon.s9api.QName("q"));
        // ok: java.xpathi.query
        XPathSelector selector = xpathCompiler.compile("//entry[title=$q]").load();
        selector.setVariable(new net.sf.saxon.s9api.QName("q"), new XdmAtomicValue(request.getParameter("q")));
        selector.setContextItem(saxonDoc);
        return selector.evaluate();
    }

    // ---- Apache Commons JXPath (its expressions can also call Java methods) ------------------

    public Object jxpath(HttpServletRequest request) {
        JXPathContext context = JXPathContext.newContext(model);
        // ruleid: java.xpathi.query
        return context.getValue(request.getParameter("path"));
    }

    public Object jxpathVariable(HttpServletRequest request) {
        JXPathContext context = JXPathContext.newContext(model);
        context.getVariables().declareVariable("name", request.getParameter("name"));
        // ok: java.xpathi.query
        return context.getValue("/users[name = $name]");
    }

    // ---- Servlet ----------------------------------------------------------------------------

    public Object viaHelper(HttpServletRequest request) throws Exception {
        return byAuthor(request.getParameter("author"));
    }

    private Object byAuthor(String author) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java.xpathi.query
        return xpath.evaluate("//book[author='" + author + "']", catalog, XPathConstants.NODESET);
    }

    public Object numeric(HttpServletRequest request) throws Exception {
        long price = Long.parseLong(request.getParameter("max"));
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ok: java.xpathi.query
        return xpath.evaluate("//item[@price <= " + price + "]", catalog, XPathConstants.NODESET);
    }

    public Object bodyIsTheDocument(HttpServletRequest request) throws Exception {
        org.dom4j.Document posted = new org.dom4j.io.SAXReader().read(request.getInputStream());
        // The posted document is searched with a constant expression.
        // ok: java.xpathi.query
        return posted.selectSingleNode("/order/customer/@id");
    }
}

// ---- JAX-RS / Quarkus / Micronaut ------------------------------------------------------------

@Path("/catalog")
class CatalogResource {
    private org.w3c.dom.Document catalog;

    @GET
    @Path("/{sku}")
    public String bySku(@PathParam("sku") String sku) throws Exception {
        XPath xPath = XPathFactory.newInstance().newXPath();
        // ruleid: java.xpathi.query
        return xPath.evaluate("string(//item[@sku='" + sku + "']/title)", catalog);
    }

    @GET
    @Path("/q")
    public String quarkus(@RestQuery String vendor) throws Exception {
        String expr = new StringBuilder("//item[vendor='").append(vendor).append("']/title").toString();
        // ruleid: java.xpathi.query
        return XPathFactory.newInstance().newXPath().evaluate(expr, catalog);
    }

    @GET
    @Path("/page")
    public String typed(@QueryParam("page") int page) throws Exception {
        XPath xPath = XPathFactory.newInstance().newXPath();
        // ok: java.xpathi.query
        return xPath.evaluate("string(//item[" + page + "]/title)", catalog);
    }
}

@Controller("/x")
class XPathController {
    private org.w3c.dom.Document catalog;

    @Get("/find")
    public String find(@QueryValue String title) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        // ruleid: java.xpathi.query
        return xpath.evaluate("//item[title='" + title + "']/@id", catalog);
    }

    @Get("/variable")
    public String variable(@QueryValue String title) throws Exception {
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setXPathVariableResolver(name -> new QName("title").equals(name) ? title : null);
        // ok: java.xpathi.query
        return xpath.evaluate("//item[title=$title]/@id", catalog);
    }
}
