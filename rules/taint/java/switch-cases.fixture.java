import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;

// A switch case on constants holds only those values of its subject; a case fallen into from one that is not on
// constants does not; declarations inside a case are read like any other.
public class SwitchCases {
    public void sort(HttpServletRequest request) throws IOException {
        String order = request.getParameter("order");
        switch (order) {
            case "asc":
            case "desc":
                // ok: java.cmdi.exec
                Runtime.getRuntime().exec("sort --" + order);
                break;
            case "none":
                // ok: java.cmdi.exec
                Runtime.getRuntime().exec("cat " + order);
            case "rev":
                // Reached from "none" too: still constants.
                // ok: java.cmdi.exec
                Runtime.getRuntime().exec("tac " + order);
                break;
            default:
                String cmd = "sort " + order;
                // ruleid: java.cmdi.exec
                Runtime.getRuntime().exec(cmd);
                // ruleid: java.cmdi.exec
                Runtime.getRuntime().exec("sort " + order);
        }
        // ruleid: java.cmdi.exec
        Runtime.getRuntime().exec("sort " + order);
    }

    public void arrows(HttpServletRequest request) throws IOException {
        String mode = request.getParameter("mode");
        switch (mode) {
            // ok: java.cmdi.exec
            case "fast", "slow" -> Runtime.getRuntime().exec("run --" + mode);
            // ruleid: java.cmdi.exec
            default -> Runtime.getRuntime().exec("run --" + mode);
        }
    }

    public void declared(HttpServletRequest request, int k) throws IOException {
        switch (k) {
            case 1:
                String name = request.getParameter("name");
                if (name.isEmpty()) {
                    name = "default";
                }
                // ruleid: java.cmdi.exec
                Runtime.getRuntime().exec("run " + name);
                break;
            default:
                break;
        }
    }
}
