// Shapes a second recall study on fixed leaks missed (docs/accuracy.md); values are our own fakes.
package example.contract;

// An annotation's argument is an assignment too.
// ruleid: secrets.generic.token-assignment
@PactBroker(url = "https://broker.example.net", authentication = @PactBrokerAuth(token = "VbrKdQwxz-MTzaLpGnYcHe"))
public class ShipmentProviderPact {
  // ok: secrets.generic.token-assignment
  @PactBrokerAuth(token = "${pactbroker.token}")
  void verify() {}
  // ok: secrets.generic.token-assignment
  static final String TOKEN_HEADER = "X-Upstream-Auth-Token";
}
