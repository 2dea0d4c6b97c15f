import com.hubspot.jinjava.Jinjava;
import freemarker.template.Configuration;
import freemarker.template.Template;
import groovy.text.SimpleTemplateEngine;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.Velocity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// The request's text used as the template itself, by the template engines Java applications embed.
@RestController
public class Templates {
    private Configuration cfg;
    private Jinjava jinjava = new Jinjava();

    @GetMapping("/velocity")
    public String velocity(@RequestParam String tpl) {
        StringWriter w = new StringWriter();
        // ruleid: java.ssti.template-string
        Velocity.evaluate(new VelocityContext(), w, "t", tpl);
        return w.toString();
    }

    @GetMapping("/velocity-data")
    public String velocityData(@RequestParam String name) {
        VelocityContext ctx = new VelocityContext();
        ctx.put("name", name);
        StringWriter w = new StringWriter();
        // ok: java.ssti.template-string
        Velocity.evaluate(ctx, w, "t", "Hello $name");
        return w.toString();
    }

    @PostMapping("/freemarker")
    public String freemarker(@RequestBody String body) throws Exception {
        // ruleid: java.ssti.template-string
        Template t = new Template("t", new StringReader(body), cfg);
        StringWriter w = new StringWriter();
        t.process(new HashMap<String, Object>(), w);
        return w.toString();
    }

    @GetMapping("/freemarker-data")
    public String freemarkerData(@RequestParam String name) throws Exception {
        Map<String, Object> model = new HashMap<>();
        model.put("name", name);
        // ok: java.ssti.template-string
        Template t = new Template("t", new StringReader("Hello ${name}"), cfg);
        StringWriter w = new StringWriter();
        t.process(model, w);
        return w.toString();
    }

    @GetMapping("/jinjava")
    public String jinja(@RequestParam String greeting) {
        // ruleid: java.ssti.template-string
        return jinjava.render("<p>" + greeting + " {{ user }}</p>", new HashMap<String, Object>());
    }

    @GetMapping("/groovy")
    public String groovy(@RequestParam String text) throws Exception {
        // ruleid: java.ssti.template-string
        return new SimpleTemplateEngine().createTemplate(text).make(new HashMap<>()).toString();
    }
}
