import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import java.io.IOException;
import javax.xml.parsers.ParserConfigurationException;
import org.dom4j.io.SAXReader;
import org.jdom2.input.SAXBuilder;
import org.w3c.dom.Document;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLReaderFactory;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

public class XmlImport {
    private final DocumentBuilderFactory shared = DocumentBuilderFactory.newInstance();

    public XmlImport() throws Exception {
        shared.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    }

    public Document dom(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        // ruleid: java.xxe.parser-factory
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder db = dbf.newDocumentBuilder();
        return db.parse(in);
    }

    public void sax(InputStream in) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        try {
            // ruleid: java.xxe.parser-factory
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            SAXParser parser = spf.newSAXParser();
            parser.parse(in, new DefaultHandler());
        } finally {
            in.close();
        }
    }

    public Document chained(InputStream in) throws Exception {
        // ruleid: java.xxe.parser-factory
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }

    public void stax(String xml) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        // ruleid: java.xxe.parser-factory
        xif.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        XMLStreamReader r = xif.createXMLStreamReader(new StringReader(xml));
        r.next();
    }

    public void transform(InputStream xsl) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        // ruleid: java.xxe.parser-factory
        tf.setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Transformer t = tf.newTransformer(new StreamSource(xsl));
        t.reset();
    }

    public Schema schema(InputStream xsd) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // ruleid: java.xxe.parser-factory
        sf.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return sf.newSchema(new StreamSource(xsd));
    }

    // The inserted setFeature throws only what the statement below it already handles.
    public Document narrow(InputStream in) throws ParserConfigurationException, SAXException, IOException {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        // ruleid: java.xxe.parser-factory
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(in);
    }

    public boolean caught(InputStream in) throws IOException {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        try {
            // ruleid: java.xxe.parser-factory
            spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            spf.newSAXParser().parse(in, new DefaultHandler());
            return true;
        } catch (ParserConfigurationException | SAXException e) {
            return false;
        }
    }

    public Schema schemaNarrow(StreamSource xsd) throws SAXException {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        // ruleid: java.xxe.parser-factory
        sf.setProperty(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return sf.newSchema(xsd);
    }

    public Document otherFactoryConfigured(InputStream in) throws Exception {
        DocumentBuilderFactory safe = DocumentBuilderFactory.newInstance();
        safe.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilderFactory open = DocumentBuilderFactory.newInstance();
        // ruleid: java.xxe.parser-factory
        open.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return open.newDocumentBuilder().parse(in);
    }

    public Document onlyGeneralEntities(InputStream in) throws Exception {
        // External DTDs and parameter entities are still loaded.
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://xml.org/sax/features/external-general-entities", false);
        // ruleid: java.xxe.parser-factory
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return dbf.newDocumentBuilder().parse(in);
    }

    public Document domSafe(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java.xxe.parser-factory
        return dbf.newDocumentBuilder().parse(in);
    }

    public Document secureProcessing(InputStream in) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        // ok: java.xxe.parser-factory
        return dbf.newDocumentBuilder().parse(in);
    }

    public void saxSafe(InputStream in) throws Exception {
        SAXParserFactory spf = SAXParserFactory.newInstance();
        spf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        // ok: java.xxe.parser-factory
        spf.newSAXParser().parse(in, new DefaultHandler());
    }

    public void staxSafe(String xml) throws Exception {
        XMLInputFactory xif = XMLInputFactory.newInstance();
        xif.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        // ok: java.xxe.parser-factory
        xif.createXMLStreamReader(new StringReader(xml)).next();
    }

    public void transformSafe(InputStream xsl) throws Exception {
        TransformerFactory tf = TransformerFactory.newInstance();
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        tf.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        // ok: java.xxe.parser-factory
        tf.newTransformer(new StreamSource(xsl)).reset();
    }

    public Schema schemaSafe(InputStream xsd) throws Exception {
        SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        sf.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // ok: java.xxe.parser-factory
        return sf.newSchema(new StreamSource(xsd));
    }

    public Document field(InputStream in) throws Exception {
        // A field configured in the constructor.
        // ok: java.xxe.parser-factory
        return shared.newDocumentBuilder().parse(in);
    }

    public Document lambda(java.util.List<InputStream> ins) throws Exception {
        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return ins.stream().map(in -> {
            try {
                // ok: java.xxe.parser-factory
                return dbf.newDocumentBuilder().parse(in);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElse(null);
    }

    public Object dom4j(InputStream in) throws Exception {
        // ruleid: java.xxe.parser-factory
        SAXReader reader = new SAXReader();
        return reader.read(in);
    }

    public Object jdom(InputStream in) throws Exception {
        // ruleid: java.xxe.parser-factory
        SAXBuilder builder = new SAXBuilder();
        return builder.build(in);
    }

    public void xmlReader(InputStream in) throws Exception {
        // ruleid: java.xxe.parser-factory
        XMLReader xr = XMLReaderFactory.createXMLReader();
        xr.parse(new org.xml.sax.InputSource(in));
    }

    public Object dom4jSafe(InputStream in) throws Exception {
        // ok: java.xxe.parser-factory
        SAXReader reader = new SAXReader();
        reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return reader.read(in);
    }

    public String dom4jWriteOnly(org.dom4j.Document doc) {
        // A reader that never reads.
        // ok: java.xxe.parser-factory
        SAXReader reader = new SAXReader();
        return doc.asXML() + reader.getEncoding();
    }
}
