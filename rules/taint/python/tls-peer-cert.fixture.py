# A certificate monitor connects to fetch whatever certificate a host serves, to inspect or pin it (Lemur's
# get_certificate_via_tls): verification is off on purpose and nothing is trusted. A function that turns it off and
# then talks over the connection is still reported.
import http.client
import socket
import ssl


def get_certificate(host, port):
    context = ssl.create_default_context()
    # ok: py.tls.verify-disabled
    context.check_hostname = False
    # ok: py.tls.verify-disabled
    context.verify_mode = ssl.CERT_NONE
    with socket.create_connection((host, port)) as conn:
        with context.wrap_socket(conn, server_hostname=host) as sock:
            der = sock.getpeercert(True)
    return ssl.DER_cert_to_PEM_cert(der)


def post_unverified(host, body):
    context = ssl.create_default_context()
    # ruleid: py.tls.verify-disabled
    context.check_hostname = False
    # ruleid: py.tls.verify-disabled
    context.verify_mode = ssl.CERT_NONE
    conn = http.client.HTTPSConnection(host, context=context)
    conn.request("POST", "/", body)
    return conn.getresponse().read()
