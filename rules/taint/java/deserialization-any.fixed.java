import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import com.fasterxml.jackson.databind.jsontype.impl.LaissezFaireSubTypeValidator;
import java.io.InputStream;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

public class Loaders {
    public Object chained(InputStream in) {
        // ruleid: java.deserialization.snakeyaml-constructor
        return new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions())).load(in);
    }

    public Map<String, Object> declared(String text) {
        // ruleid: java.deserialization.snakeyaml-constructor
        Yaml yaml = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()));
        return yaml.load(text);
    }

    public Iterable<Object> all(String text) {
        // ruleid: java.deserialization.snakeyaml-constructor
        var y = new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions()));
        return y.loadAll(text);
    }

    public Config typed(String text) {
        // ruleid: java.deserialization.snakeyaml-constructor
        return new Yaml().loadAs(text, Config.class);
    }

    public Object inLambda(java.util.List<String> docs) {
        // ruleid: java.deserialization.snakeyaml-constructor
        return docs.stream().map(d -> new Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions())).load(d)).findFirst();
    }

    public Object safe(InputStream in) {
        // ok: java.deserialization.snakeyaml-constructor
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    }

    public Object safeDeclared(String text) {
        // ok: java.deserialization.snakeyaml-constructor
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return yaml.load(text);
    }

    public String dumpOnly(Map<String, Object> data) {
        // Writing YAML builds no objects.
        // ok: java.deserialization.snakeyaml-constructor
        Yaml yaml = new Yaml();
        return yaml.dump(data);
    }

    public String dumpChained(Map<String, Object> data) {
        // ok: java.deserialization.snakeyaml-constructor
        return new Yaml().dump(data);
    }

    public Object otherLoad(Loader loader, String text) {
        // ok: java.deserialization.snakeyaml-constructor
        return loader.load(text);
    }

    public ObjectMapper legacy() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java.deserialization.jackson-default-typing
        mapper.enableDefaultTyping();
        return mapper;
    }

    public ObjectMapper legacyAll() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java.deserialization.jackson-default-typing
        mapper.enableDefaultTyping(ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }

    public ObjectMapper asProperty() {
        // ruleid: java.deserialization.jackson-default-typing
        return new ObjectMapper().enableDefaultTypingAsProperty(ObjectMapper.DefaultTyping.OBJECT_AND_NON_CONCRETE, "@class");
    }

    public ObjectMapper laissezFaire() {
        ObjectMapper mapper = new ObjectMapper();
        // ruleid: java.deserialization.jackson-default-typing
        mapper.activateDefaultTyping(LaissezFaireSubTypeValidator.instance, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }

    public ObjectMapper builder() {
        // ruleid: java.deserialization.jackson-default-typing
        return JsonMapper.builder().activateDefaultTyping(LaissezFaireSubTypeValidator.instance).build();
    }

    public ObjectMapper validated() {
        ObjectMapper mapper = new ObjectMapper();
        BasicPolymorphicTypeValidator ptv = BasicPolymorphicTypeValidator.builder().allowIfSubType("com.example.model.").build();
        // ok: java.deserialization.jackson-default-typing
        mapper.activateDefaultTyping(ptv, ObjectMapper.DefaultTyping.NON_FINAL);
        return mapper;
    }

    public ObjectMapper plain() {
        // ok: java.deserialization.jackson-default-typing
        return new ObjectMapper().findAndRegisterModules();
    }

    public ObjectMapper off() {
        ObjectMapper mapper = new ObjectMapper();
        // ok: java.deserialization.jackson-default-typing
        mapper.deactivateDefaultTyping();
        return mapper;
    }

    public Config read(ObjectMapper mapper, InputStream in) throws Exception {
        // ok: java.deserialization.jackson-default-typing
        return mapper.readValue(in, Config.class);
    }

    public ObjectMapper builderValidated(BasicPolymorphicTypeValidator ptv) {
        // ok: java.deserialization.jackson-default-typing
        return JsonMapper.builder().activateDefaultTyping(ptv).build();
    }
}
