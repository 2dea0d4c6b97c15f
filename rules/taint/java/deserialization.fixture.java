import com.fasterxml.jackson.databind.ObjectMapper;
import com.thoughtworks.xstream.XStream;
import java.beans.XMLDecoder;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.io.serialization.ValidatingObjectInputStream;
import org.apache.commons.lang3.SerializationUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

public class Sessions {
    private final XStream xstream = new XStream();

    public Object body(HttpServletRequest request) throws Exception {
        // ruleid: java.deserialization.untrusted-stream
        ObjectInputStream in = new ObjectInputStream(request.getInputStream());
        return in.readObject();
    }

    public Object cookie(HttpServletRequest request) throws Exception {
        String token = request.getParameter("state");
        byte[] bytes = Base64.getDecoder().decode(token);
        // ruleid: java.deserialization.untrusted-stream
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    public Object xml(HttpServletRequest request) throws Exception {
        // ruleid: java.deserialization.untrusted-stream
        XMLDecoder decoder = new XMLDecoder(request.getInputStream());
        return decoder.readObject();
    }

    @PostMapping("/import")
    public Object xs(@RequestBody String xml) {
        // ruleid: java.deserialization.untrusted-stream
        return xstream.fromXML(xml);
    }

    public Object commons(HttpServletRequest request) throws Exception {
        // ruleid: java.deserialization.untrusted-stream
        return SerializationUtils.deserialize(request.getInputStream());
    }

    public Object json(HttpServletRequest request) throws Exception {
        // ok: java.deserialization.untrusted-stream
        return new ObjectMapper().readValue(request.getInputStream(), Order.class);
    }

    public Object validating(HttpServletRequest request) throws Exception {
        // commons-io's ValidatingObjectInputStream reads only the classes accept() allows.
        // ok: java.deserialization.untrusted-stream
        ValidatingObjectInputStream in = new ValidatingObjectInputStream(request.getInputStream());
        in.accept(Order.class);
        return in.readObject();
    }

    public Object localFile() throws Exception {
        // ok: java.deserialization.untrusted-stream
        ObjectInputStream in = new ObjectInputStream(new java.io.FileInputStream("/var/lib/app/cache.bin"));
        return in.readObject();
    }

    public Object xsConstant() {
        // ok: java.deserialization.untrusted-stream
        return xstream.fromXML("<list/>");
    }

    public Object length(HttpServletRequest request) throws Exception {
        byte[] buf = new byte[request.getParameter("n").length()];
        // ok: java.deserialization.untrusted-stream
        return new ObjectInputStream(new ByteArrayInputStream(buf)).readObject();
    }
}
