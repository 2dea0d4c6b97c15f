// A literal key decoded or wrapped where it is assigned: still the literal.
using System;
using System.Text;

internal static class PayloadProtector
{
    // ruleid: secrets.generic.secret-assignment
    private static readonly byte[] AesKey = Convert.FromBase64String("q3Xv9LmT2wKz8RpN5yBc7HdF4jGs6QaE1uVo0iWx+Yk=");
    // ruleid: secrets.generic.secret-assignment
    private static readonly byte[] HmacKey = Encoding.UTF8.GetBytes("Lw8qZr3vNx7KmT2pYc9BdH4s");
    // ok: secrets.generic.secret-assignment
    private static readonly byte[] AesKeyFromEnv = Convert.FromBase64String(Environment.GetEnvironmentVariable("AES_KEY"));
}
