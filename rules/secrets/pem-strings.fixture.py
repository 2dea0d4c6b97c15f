# PEM private keys inside string literals, with no keyword naming them (issue 16).
# ruleid: secrets.key.ec-private
SIGNER = "-----BEGIN EC PRIVATE KEY-----\r\ns3CoJXy9uVHwYVElCwCThOHgSXEzVuQUGchfoTTYjt63hjgzCO8q3F3SCNigeg4z\r\nuKsS39GQkPHWVHj4VUft8Dcq7AeLvrj5VwMiiZcLdK0hIVH94ZYzFEYfOslMe49d\r\n-----END EC PRIVATE KEY-----\r\n"
SERVER = (
    # ruleid: secrets.key.rsa-private
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "B9KwBaYFBklRjGc/tgzdMrPse6qSzRvVe7S1FliKLxatWp2Mm7B7E5oUk3qiD149\n"
    "75mN8zN2HrLgDWMEWsu5eNBXrj1sHOc1k6IVQlCpwr5l/5kW/+UeKhI99C4uIYIv\n"
    "-----END RSA PRIVATE KEY-----\n"
)
CLIENT = (
    # ruleid: secrets.key.openssh-private
    "-----BEGIN OPENSSH PRIVATE KEY-----\n" +
    "fPOBoTrUqwCVwcfjRUTobyWyroqYPME/BgI0kPW0CAlag+LW39T1HekX/c2c2pnh\n" +
    "WpoAiF6zqkWampvpxU0+ws12LJNqSrte6LKFaVCmc/SLz13ZR82sUuQwxfK9HCrY\n" +
    "-----END OPENSSH PRIVATE KEY-----\n"
)
# ok: secrets.key.rsa-private
TEMPLATE = "-----BEGIN RSA PRIVATE KEY-----\n{body}\n-----END RSA PRIVATE KEY-----"
