import groovy.lang.GroovyShell;
import java.util.Map;
import java.util.Set;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import jakarta.servlet.http.HttpServletRequest;
import ognl.Ognl;
import org.springframework.expression.Expression;
import org.springframework.expression.ExpressionParser;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

public class Calculator {
    private static final Map<String, Integer> PRICES = Map.of("tea", 3, "coffee", 4);
    private final ExpressionParser parser = new SpelExpressionParser();

    @GetMapping("/calc")
    public Object spel(@RequestParam String expr) {
        // ruleid: java.code-injection.expression
        Expression e = parser.parseExpression(expr);
        return e.getValue();
    }

    public Object spelInline(HttpServletRequest request) {
        // ruleid: java.code-injection.expression
        return new SpelExpressionParser().parseExpression("#{" + request.getParameter("q") + "}").getValue();
    }

    public Object ognl(HttpServletRequest request, Object root) throws Exception {
        // ruleid: java.code-injection.expression
        return Ognl.getValue(request.getParameter("path"), root);
    }

    public Object ognlParse(HttpServletRequest request) throws Exception {
        String expression = request.getHeader("X-Expr");
        // ruleid: java.code-injection.expression
        return Ognl.parseExpression(expression);
    }

    public Object script(HttpServletRequest request) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        // ruleid: java.code-injection.expression
        return engine.eval("var total = " + request.getParameter("formula") + ";");
    }

    public Object groovy(HttpServletRequest request) {
        GroovyShell shell = new GroovyShell();
        // ruleid: java.code-injection.expression
        return shell.evaluate(request.getParameter("script"));
    }

    public Object groovyInline(HttpServletRequest request) {
        // ruleid: java.code-injection.expression
        return new GroovyShell().parse(request.getParameter("script")).run();
    }

    public Object lookup(HttpServletRequest request) {
        // ok: java.code-injection.expression
        return PRICES.get(request.getParameter("item"));
    }

    public Object constantExpression(HttpServletRequest request) {
        // The input is data in the evaluation context, not the expression.
        // ok: java.code-injection.expression
        Expression e = parser.parseExpression("amount * 2");
        return e.getValue(Map.of("amount", request.getParameter("amount")));
    }

    public Object numeric(HttpServletRequest request) throws Exception {
        ScriptEngine engine = new ScriptEngineManager().getEngineByName("javascript");
        double x = Double.parseDouble(request.getParameter("x"));
        // ok: java.code-injection.expression
        return engine.eval("Math.sqrt(" + x + ")");
    }

    public Object allowed(HttpServletRequest request) {
        String field = request.getParameter("field");
        if (!Set.of("price", "name").contains(field)) return null;
        // ok: java.code-injection.expression
        return parser.parseExpression(field).getValue();
    }

    public Object fixedScript(HttpServletRequest request) throws Exception {
        GroovyShell shell = new GroovyShell();
        shell.setVariable("input", request.getParameter("input"));
        // ok: java.code-injection.expression
        return shell.evaluate("input.toUpperCase()");
    }

    public Object notAnEngine(HttpServletRequest request, java.util.List<String> list) {
        // ok: java.code-injection.expression
        return list.contains(request.getParameter("x"));
    }
}
