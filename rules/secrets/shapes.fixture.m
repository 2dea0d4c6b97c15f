// Context shapes: Objective-C key-value stores, the value before its key (issue 16).
// ruleid: secrets.generic.stored-under-key
[[NSUserDefaults standardUserDefaults] setObject:@"Xk8mN3pQ7rT2vW" forKey:@"password"];
// ok: secrets.generic.stored-under-key
[[NSUserDefaults standardUserDefaults] setObject:@"Xk8mN3pQ7rT2vW" forKey:@"lastUserName"];
// ruleid: secrets.generic.stored-under-key
[store setValue:@"Vb4Nc8Mw3Hs6Jd1Pf5Ry0EaLt7Zx2Kq9" forKey:@"authToken"];
