import android.content.Context;
import java.sql.Statement;

// A `Context` parameter outside a Javalin file is some other framework's context (Android's here): no request.
public class Prefs {
    private Statement st;

    public void load(Context ctx) throws Exception {
        String name = ctx.getPackageName();
        // ok: java.sqli.jdbc
        st.executeQuery("SELECT * FROM prefs WHERE pkg = '" + name + "'");
    }
}
