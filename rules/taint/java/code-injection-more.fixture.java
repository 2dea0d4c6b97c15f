import groovy.lang.Binding;
import groovy.lang.GroovyClassLoader;
import groovy.lang.GroovyShell;
import groovy.util.Eval;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import jakarta.el.ELContext;
import jakarta.el.ELProcessor;
import jakarta.el.ExpressionFactory;
import jakarta.el.ValueExpression;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import javax.script.Bindings;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import jdk.jshell.JShell;
import ognl.Ognl;
import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.MapContext;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Source;
import org.jboss.resteasy.reactive.RestForm;
import org.mvel2.MVEL;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.common.TemplateParserContext;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.SimpleEvaluationContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;

// Expressions and scripts from request data: SpEL, OGNL, MVEL, JEXL, Jakarta EL, javax.script, Groovy, GraalVM
// polyglot and JShell, with input passed as data (variables, bindings) as the near misses.
public class Rules {
    private static final Set<String> FORMULAS = Set.of("price * qty", "price * qty * 0.9");
    private static final Map<String, String> NAMED = Map.of("net", "price * qty", "gross", "price * qty * 1.2");
    private final ExpressionParser parser = new SpelExpressionParser();
    private final JexlEngine jexl = new JexlBuilder().create();
    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");

    // ---- Spring SpEL ------------------------------------------------------------------------

    @PostMapping("/greeting")
    public Object template(@RequestHeader("X-Name") String name) {
        // A template expression evaluates whatever #{...} the input brings.
        // ruleid: java.code-injection.expression
        return parser.parseExpression("Hello " + name, new TemplateParserContext()).getValue();
    }

    @PostMapping("/rule")
    public Object viaHelper(@RequestBody String rule) {
        return evaluate(rule);
    }

    private Object evaluate(String expression) {
        // ruleid: java.code-injection.expression
        return parser.parseExpression(expression).getValue();
    }

    @PostMapping("/discount")
    public Object variable(@RequestParam String amount) {
        SimpleEvaluationContext context = SimpleEvaluationContext.forReadOnlyDataBinding().build();
        context.setVariable("amount", amount);
        // ok: java.code-injection.expression
        return parser.parseExpression("#amount.length() > 3").getValue(context);
    }

    @PostMapping("/formula")
    public Object allowListed(@RequestParam String formula) {
        if (!FORMULAS.contains(formula)) {
            throw new IllegalArgumentException("unknown formula");
        }
        // ok: java.code-injection.expression
        return parser.parseExpression(formula).getValue();
    }

    @PostMapping("/named")
    public Object named(@RequestParam String name) throws Exception {
        // The script comes from a fixed map; the input only picks the key.
        String script = NAMED.getOrDefault(name, "0");
        // ok: java.code-injection.expression
        return engine.eval(script);
    }

    // ---- Spring WebFlux + javax.script ------------------------------------------------------

    public Object reactive(ServerWebExchange exchange) throws Exception {
        String code = exchange.getRequest().getQueryParams().getFirst("code");
        Bindings bindings = engine.createBindings();
        // ruleid: java.code-injection.expression
        return engine.eval(code, bindings);
    }

    public Object bound(ServerWebExchange exchange) throws Exception {
        engine.put("input", exchange.getRequest().getQueryParams().getFirst("input"));
        // ok: java.code-injection.expression
        return engine.eval("input.trim().length");
    }

    // ---- OGNL / Jakarta EL (Servlet) --------------------------------------------------------

    public Object ognlSet(HttpServletRequest request, Object root) throws Exception {
        // ruleid: java.code-injection.expression
        Ognl.setValue(request.getParameter("property"), root, "x");
        return root;
    }

    public Object ognlData(HttpServletRequest request) throws Exception {
        Map<String, Object> root = Map.of("name", request.getParameter("name"));
        // ok: java.code-injection.expression
        return Ognl.getValue("name", root);
    }

    public Object elProcessor(HttpServletRequest request) {
        ELProcessor elp = new ELProcessor();
        // ruleid: java.code-injection.expression
        return elp.eval("'" + request.getParameter("greeting") + "'.toUpperCase()");
    }

    public Object elBean(HttpServletRequest request) {
        ELProcessor elp = new ELProcessor();
        elp.defineBean("greeting", request.getParameter("greeting"));
        // ok: java.code-injection.expression
        return elp.eval("greeting.toUpperCase()");
    }

    public Object valueExpression(HttpServletRequest request, ExpressionFactory factory, ELContext elContext) {
        // ruleid: java.code-injection.expression
        ValueExpression ve = factory.createValueExpression(elContext, "${" + request.getHeader("X-Field") + "}", Object.class);
        return ve.getValue(elContext);
    }

    // ---- Groovy -----------------------------------------------------------------------------

    public Object groovyMe(HttpServletRequest request) {
        // ruleid: java.code-injection.expression
        return Eval.me(request.getParameter("expr"));
    }

    public Object groovyClass(HttpServletRequest request) throws Exception {
        try (GroovyClassLoader loader = new GroovyClassLoader()) {
            // ruleid: java.code-injection.expression
            Class<?> type = loader.parseClass(request.getParameter("source"));
            return type.getDeclaredConstructor().newInstance();
        }
    }

    public Object groovyBinding(HttpServletRequest request) {
        Binding binding = new Binding();
        binding.setVariable("name", request.getParameter("name"));
        GroovyShell shell = new GroovyShell(binding);
        // ok: java.code-injection.expression
        return shell.evaluate("name.toUpperCase()");
    }

    // ---- GraalVM polyglot / JShell ----------------------------------------------------------

    public Object polyglot(HttpServletRequest request) {
        try (Context context = Context.create("js")) {
            // eval(languageId, source): the source is the second argument.
            // ruleid: java.code-injection.expression
            return context.eval("js", request.getParameter("script")).asString();
        }
    }

    public Object polyglotSource(HttpServletRequest request) throws Exception {
        // ruleid: java.code-injection.expression
        Source source = Source.create("python", request.getParameter("code"));
        try (Context context = Context.create("python")) {
            return context.eval(source);
        }
    }

    public Object polyglotData(HttpServletRequest request) {
        try (Context context = Context.create("js")) {
            context.getBindings("js").putMember("input", request.getParameter("input"));
            // ok: java.code-injection.expression
            return context.eval("js", "input.split(',').length").asInt();
        }
    }

    public Object jshell(HttpServletRequest request) {
        try (JShell jshell = JShell.create()) {
            // ruleid: java.code-injection.expression
            return jshell.eval(request.getParameter("snippet"));
        }
    }
}

// ---- JAX-RS / Quarkus: MVEL and JEXL ----------------------------------------------------------

@Path("/calc")
class CalcResource {
    private final JexlEngine jexl = new JexlBuilder().create();

    @GET
    public Object mvel(@QueryParam("expr") String expr) {
        // ruleid: java.code-injection.expression
        return MVEL.eval(expr);
    }

    @GET
    @Path("/compiled")
    public Object mvelCompiled(@RestForm String rule) {
        // ruleid: java.code-injection.expression
        Serializable compiled = MVEL.compileExpression(rule);
        return MVEL.executeExpression(compiled);
    }

    @GET
    @Path("/vars")
    public Object mvelVars(@QueryParam("qty") String qty) {
        // ok: java.code-injection.expression
        return MVEL.eval("qty.length() * 2", Map.of("qty", qty));
    }

    @GET
    @Path("/jexl")
    public Object jexlScript(@QueryParam("script") String script) {
        // ruleid: java.code-injection.expression
        return jexl.createScript(script).execute(new MapContext());
    }

    @GET
    @Path("/jexl-data")
    public Object jexlData(@QueryParam("qty") String qty) {
        MapContext context = new MapContext();
        context.set("qty", qty);
        // ok: java.code-injection.expression
        return jexl.createExpression("qty.length() * 2").evaluate(context);
    }

    @GET
    @Path("/n")
    public Object numeric(@QueryParam("n") String n) {
        int count = Integer.parseInt(n);
        // ok: java.code-injection.expression
        return MVEL.eval("" + count + " * 2");
    }
}

@Controller("/expr")
class ExprController {
    private final JexlEngine jexl = new JexlBuilder().create();

    @Post("/jexl")
    public Object jexlBody(@Body String expression) {
        // ruleid: java.code-injection.expression
        return jexl.createExpression(expression).evaluate(new MapContext());
    }

    @Post("/check")
    public Object query(@QueryValue String name) {
        // ok: java.code-injection.expression
        return jexl.createExpression("name.length()").evaluate(new MapContext(Map.of("name", name)));
    }
}
