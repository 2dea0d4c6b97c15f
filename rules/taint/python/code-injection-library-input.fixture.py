# Library input built into code: public functions and methods of a package that put their caller's argument into
# Python source they evaluate (eval, exec, compile), in the shapes such packages take (generated accessors,
# namedtuple-style class builders, rule and formula engines). The negatives keep the argument out of the source.
import ast
import keyword
import re

IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
OPERATORS = {"+", "-", "*", "/"}


def attrgetter(path):
    # ruleid: py.code-injection.library-input
    return eval("lambda obj: obj.%s" % path)


def make_class(name, fields):
    src = "class {0}:\n    __slots__ = ({1},)\n".format(name, ", ".join(repr(f) for f in fields))
    namespace = {}
    # ruleid: py.code-injection.library-input
    exec(src, namespace)
    return namespace[name]


def formula(expr, cells):
    # ruleid: py.code-injection.library-input
    code = compile("result = " + expr, "<formula>", "exec")
    scope = dict(cells)
    exec(code, scope)
    return scope["result"]


def predicate(condition):
    # ruleid: py.code-injection.library-input
    return eval(f"lambda row: bool({condition})")


def setter(attr):
    lines = ["def set_value(obj, value):", f"    obj.{attr} = value"]
    namespace = {}
    # ruleid: py.code-injection.library-input
    exec("\n".join(lines), namespace)
    return namespace["set_value"]


def apply_op(op, a, b):
    source = "(" + str(a) + ") " + op + " (" + str(b) + ")"
    stripped = source.strip()
    # ruleid: py.code-injection.library-input
    return eval(stripped)


class RuleEngine:
    def __init__(self):
        self.rules = []

    def add_rule(self, when):
        # ruleid: py.code-injection.library-input
        self.rules.append(eval("lambda fact: " + when))

    def run_hook(self, hook_body, env):
        # ruleid: py.code-injection.library-input
        exec("def hook(env):\n    " + hook_body + "\nhook(env)", {"env": env})


class Query:
    def where(self, field, value):
        # ruleid: py.code-injection.library-input
        return eval("self.rows.filter(lambda r: r.%s == value)" % field, {"self": self, "value": value})


def template_function(name, body):
    # ruleid: py.code-injection.library-input
    exec("def %s(ctx):\n    return %s\n" % (name, body), globals())
    return globals()[name]


def compiled_expression(expr):
    # ruleid: py.code-injection.library-input
    return compile("(" + expr + ")", "<expr>", "eval")


ACCESSOR_TEMPLATE = "def get_{name}(self):\n    return self._data[{key!r}]\n"


def add_accessor(cls, name, key):
    namespace = {}
    # A template held in a module constant: whether `.format` builds code is read from the receiver's own text, and
    # a name shows none.
    # todoruleid: py.code-injection.library-input
    exec(ACCESSOR_TEMPLATE.format(name=name, key=key), namespace)
    setattr(cls, "get_" + name, namespace["get_" + name])


# ---- negatives ----


def _private_getter(path):
    # ok: py.code-injection.library-input
    return eval("lambda obj: obj." + path)


def run(code):
    # A parameter run whole is what such a function is for (audit strictness reports it).
    # ok: py.code-injection.library-input
    return eval(code)


def literal(text):
    # Only literals: no code runs.
    # ok: py.code-injection.library-input
    return ast.literal_eval(text)


def field_getter(name):
    if not name.isidentifier() or keyword.iskeyword(name):
        raise ValueError(name)
    # ok: py.code-injection.library-input
    return eval("lambda obj: obj." + name)


def column(name):
    if not IDENTIFIER.fullmatch(name):
        raise ValueError(name)
    # ok: py.code-injection.library-input
    return eval("lambda row: row." + name)


def loose_column(name):
    # `$` in re.match also matches before a trailing newline, so a match check is not taken as an allow-list
    # (it lets "\n" into a log line or a header); here a newline cannot make code, so the finding is a false alarm.
    if not IDENTIFIER.match(name):
        raise ValueError(name)
    # todook: py.code-injection.library-input
    return eval("lambda row: row." + name)


def safe_getter(name):
    # getattr reads the attribute by name: nothing is parsed.
    # ok: py.code-injection.library-input
    return eval("lambda obj, n: getattr(obj, n)")


def scaled(factor):
    # ok: py.code-injection.library-input
    return eval("lambda x: x * " + str(int(factor)))


def ratio(value):
    # ok: py.code-injection.library-input
    return eval("1.0 / " + repr(float(value)))


def operator(op, a, b):
    if op not in OPERATORS:
        raise ValueError(op)
    # ok: py.code-injection.library-input
    return eval(str(int(a)) + op + str(int(b)))


def constant_code(values):
    # The argument is data the code reads, not code.
    # ok: py.code-injection.library-input
    return eval("sum(values) / len(values)", {"values": values})


def exec_fixed(namespace):
    # ok: py.code-injection.library-input
    exec("counter = counter + 1", namespace)


def count(items):
    # ok: py.code-injection.library-input
    return eval("[0] * " + str(len(items)))


def compile_file(path):
    # The source is the file's text, read by the caller's choice of path (the path rules' concern, not this one).
    with open("/srv/app/rules.py") as fh:
        # ok: py.code-injection.library-input
        return compile(fh.read(), path, "exec")


class Sandbox:
    def _build(self, expr):
        # A private method of the class.
        # ok: py.code-injection.library-input
        return eval("lambda: " + expr)


def add_property(cls, name):
    namespace = {}
    # The same template written at the call.
    # ruleid: py.code-injection.library-input
    exec("def get_{0}(self):\n    return self._data[{0!r}]\n".format(name), namespace)
    setattr(cls, "get_" + name, namespace["get_" + name])
