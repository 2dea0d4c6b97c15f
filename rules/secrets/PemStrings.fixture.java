// PEM private keys inside string literals, with no keyword naming them (issue 16).
class PemStrings {
  // ruleid: secrets.key.rsa-private
  static final String A = "-----BEGIN RSA PRIVATE KEY-----\r\n6FI3Do0mxtJOg8Q3FgfAyA0JSAduagpixg6xMaygGzc0MScrLnicOdu7OhEg+leU\r\nqQ+gOqWRxmXmg98lMzsU6Mbj0p98zg0JKf39p2Nucr/l+ZNUwedvcWVfLuxpYK+X\r\n-----END RSA PRIVATE KEY-----";
  static final String B =
      // ruleid: secrets.key.rsa-private
      "-----BEGIN RSA PRIVATE KEY-----\n"
          + "VVf3EnBiNxYFTrlxh0gtMtxvvYpmBLRHW7Mjt9FKA3T0utV3XmdWT+25fNaTBV38\n"
          + "PmXQqCRLuFf42v67biXAwCTFqRCHAzT5/wLZytpMKSh3gvFjPjN0vD/8CH2BKIfQ\n"
          + "-----END RSA PRIVATE KEY-----\n";
  // ok: secrets.key.rsa-private
  static final String C = "-----BEGIN RSA PRIVATE KEY-----\n" + body() + "-----END RSA PRIVATE KEY-----";
  static String body() { return ""; }
}
