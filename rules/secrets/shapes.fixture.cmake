# vigil-fixture-path: CMakeLists.txt
# Context shapes: CMake `set(NAME value)` (issue 16).
# ruleid: secrets.generic.token-assignment
set(API_TOKEN "Lp2Zr4KcY8nBf3JdS6gUe5AHq9xT2mWv")
# ruleid: secrets.generic.password-assignment
SET(DB_PASSWORD Yx8nBf3JdS6gUe)
# ok: secrets.generic.token-assignment
set(API_TOKEN "$ENV{API_TOKEN}")
# ok: secrets.generic.token-assignment
set(API_TOKEN_HEADER "Authorization")
