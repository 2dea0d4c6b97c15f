import java.io.InputStream;
import java.io.Reader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.dom4j.io.SAXReader;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

// Settings that look protective but are not, factories made elsewhere, and the other parser libraries.
public class FeedImport {
    private DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();

    public Document entityReferencesOnly(InputStream in) throws Exception {
        // Not expanding entity references still reads the DOCTYPE and fetches external DTDs.
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setExpandEntityReferences(false);
        dbf.setXIncludeAware(false);
        // ruleid: java.xxe.parser-factory
        return dbf.newDocumentBuilder().parse(in);
    }

    public Document unconfiguredField(InputStream in) throws Exception {
        // ruleid: java.xxe.parser-factory
        return this.factory.newDocumentBuilder().parse(in);
    }

    public void eventReader(Reader xml) throws Exception {
        XMLInputFactory inputFactory = XMLInputFactory.newFactory();
        inputFactory.setProperty(XMLInputFactory.IS_COALESCING, true);
        // ruleid: java.xxe.parser-factory
        XMLEventReader events = inputFactory.createXMLEventReader(xml);
        events.nextEvent();
    }

    public Templates stylesheet(InputStream xsl) throws Exception {
        // ruleid: java.xxe.parser-factory
        return TransformerFactory.newInstance().newTemplates(new StreamSource(xsl));
    }

    public Object jdomNonValidating(InputStream in) throws Exception {
        // NONVALIDATING only skips DTD validation: the DTD and its external entities are still read.
        // ruleid: java.xxe.parser-factory
        SAXBuilder builder = new SAXBuilder(XMLReaders.NONVALIDATING);
        return builder.build(in);
    }

    public Object jdomExpandOnly(InputStream in) throws Exception {
        // ruleid: java.xxe.parser-factory
        SAXBuilder builder = new SAXBuilder();
        builder.setExpandEntities(false);
        return builder.build(in);
    }

    public Object dom4jNonValidating(InputStream in) throws Exception {
        // ruleid: java.xxe.parser-factory
        SAXReader reader = new SAXReader(false);
        return reader.read(in);
    }

    public Document accessAttributes(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        dbf.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // ok: java.xxe.parser-factory
        return dbf.newDocumentBuilder().parse(in);
    }

    public void secureProcessingUri(InputStream in) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://javax.xml.XMLConstants/feature/secure-processing", true);
        // ok: java.xxe.parser-factory
        spf.newSAXParser().parse(in, new DefaultHandler());
    }

    public void staxPropertyName(Reader xml) throws Exception {
        XMLInputFactory inputFactory = XMLInputFactory.newFactory();
        inputFactory.setProperty("javax.xml.stream.supportDTD", false);
        // ok: java.xxe.parser-factory
        inputFactory.createXMLEventReader(xml).nextEvent();
    }

    public Templates stylesheetSecure(InputStream xsl) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // ok: java.xxe.parser-factory
        return tf.newTemplates(new StreamSource(xsl));
    }

    public Object schemaSecure(InputStream xsd) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // ok: java.xxe.parser-factory
        return sf.newSchema(new StreamSource(xsd));
    }

    public Object dom4jDefault(InputStream in) throws Exception {
        // dom4j 2.1.3's createDefault() disallows DOCTYPEs and external entities.
        // ok: java.xxe.parser-factory
        SAXReader reader = SAXReader.createDefault();
        return reader.read(in);
    }

    public Object jdomSafe(InputStream in) throws Exception {
        // ok: java.xxe.parser-factory
        SAXBuilder builder = new SAXBuilder();
        builder.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return builder.build(in);
    }

    public void xmlReaderSafe(InputStream in) throws Exception {
        // ok: java.xxe.parser-factory
        XMLReader xr = org.xml.sax.helpers.XMLReaderFactory.createXMLReader();
        xr.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        xr.parse(new InputSource(in));
    }

    public Document madeHere(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newDefaultNSInstance();
        // ruleid: java.xxe.parser-factory
        return dbf.newDocumentBuilder().parse(in);
    }

    public Document projectFactory(InputStream in) throws Exception {
        // The project's helper makes and configures the factory.
        DocumentBuilderFactory dbf = XmlSecurity.newDocumentBuilderFactory();
        // ok: java.xxe.parser-factory
        return dbf.newDocumentBuilder().parse(in);
    }

    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        return f;
    }

    public void helperFactory(Reader xml) throws Exception {
        var inputFactory = secureInputFactory();
        // ok: java.xxe.parser-factory
        inputFactory.createXMLStreamReader(xml).next();
    }
}
