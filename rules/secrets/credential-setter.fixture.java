package com.acme.billing;

import org.postgresql.ds.PGSimpleDataSource;

class Billing {
  PGSimpleDataSource ds() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUser("billing");
    // ruleid: secrets.generic.credential-setter
    ds.setPassword("Hv7qLm2xRt9Kw3");
    return ds;
  }

  Client client() {
    // ruleid: secrets.generic.credential-setter
    return Client.builder().withClientSecret("f3Kq9vLm2xPz7Rt4Wn8Yb6").build();
  }

  boolean check(User u) {
    // Comparing with a literal is a test of the value, not a setting.
    // ok: secrets.generic.credential-setter
    return u.checkPassword("Hv7qLm2xRt9Kw3");
  }
}
