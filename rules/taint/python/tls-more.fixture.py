import socket
import ssl
import urllib.request

import aiohttp
import certifi
import httpx
import pycurl
import requests
import urllib3
from requests import get as http_get


def api_session(token):
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"
    # Every request of this session skips the certificate check.
    # ruleid: py.tls.verify-disabled
    session.verify = False
    return session


def imported_get(url):
    # ruleid: py.tls.verify-disabled
    return http_get(url, timeout=10, verify=False)


def generic_request(method, url):
    # ruleid: py.tls.verify-disabled
    return requests.request(method, url, verify=False, timeout=10)


async def async_client(url):
    # ruleid: py.tls.verify-disabled
    async with httpx.AsyncClient(verify=False, timeout=10) as client:
        return (await client.get(url)).text


def sync_client():
    # ruleid: py.tls.verify-disabled
    return httpx.Client(base_url="https://internal.example", verify=False)


async def aiohttp_request(url):
    async with aiohttp.ClientSession() as session:
        # ruleid: py.tls.verify-disabled
        async with session.get(url, ssl=False) as resp:
            return await resp.text()


async def aiohttp_connector(url):
    # ruleid: py.tls.verify-disabled
    connector = aiohttp.TCPConnector(limit=10, ssl=False)
    async with aiohttp.ClientSession(connector=connector) as session:
        async with session.get(url) as resp:
            return await resp.read()


def pool():
    # ruleid: py.tls.verify-disabled
    return urllib3.PoolManager(cert_reqs="CERT_NONE", num_pools=4)


def raw_socket(host):
    sock = socket.create_connection((host, 443))
    # ruleid: py.tls.verify-disabled
    return ssl.wrap_socket(sock, cert_reqs=ssl.CERT_NONE)


def patch_urllib():
    # ruleid: py.tls.verify-disabled
    ssl._create_default_https_context = ssl._create_unverified_context
    return urllib.request.urlopen("https://internal.example/health").read()


def curl(url):
    c = pycurl.Curl()
    c.setopt(pycurl.URL, url)
    # ruleid: py.tls.verify-disabled
    c.setopt(pycurl.SSL_VERIFYPEER, 0)
    # ruleid: py.tls.verify-disabled
    c.setopt(pycurl.SSL_VERIFYHOST, 0)
    c.perform()
    return c.getinfo(pycurl.RESPONSE_CODE)


# ---- negatives ----


def bundle_session():
    session = requests.Session()
    # ok: py.tls.verify-disabled
    session.verify = certifi.where()
    return session


def pinned_pool():
    # ok: py.tls.verify-disabled
    return urllib3.PoolManager(cert_reqs="CERT_REQUIRED", ca_certs=certifi.where())


async def aiohttp_context(url):
    ctx = ssl.create_default_context(cafile=certifi.where())
    async with aiohttp.ClientSession() as session:
        # ok: py.tls.verify-disabled
        async with session.get(url, ssl=ctx) as resp:
            return await resp.text()


def strict_context():
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    # ok: py.tls.verify-disabled
    ctx.verify_mode = ssl.CERT_REQUIRED
    # ok: py.tls.verify-disabled
    ctx.check_hostname = True
    ctx.load_verify_locations(certifi.where())
    return ctx


def curl_checked(url):
    c = pycurl.Curl()
    c.setopt(pycurl.URL, url)
    # ok: py.tls.verify-disabled
    c.setopt(pycurl.SSL_VERIFYPEER, 1)
    # ok: py.tls.verify-disabled
    c.setopt(pycurl.SSL_VERIFYHOST, 2)
    c.perform()
    return c.getinfo(pycurl.RESPONSE_CODE)


def quiet_warnings(url):
    # Silencing the warning is not what turns the check off; this request still verifies.
    # ok: py.tls.verify-disabled
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    # ok: py.tls.verify-disabled
    return requests.get(url, timeout=10)


def env_controlled(url, insecure_flag):
    # ok: py.tls.verify-disabled
    return httpx.get(url, verify=not insecure_flag)


def ftp_upload(host):
    import ftplib

    # The stdlib's internal helper builds the same unverified context.
    # ruleid: py.tls.verify-disabled
    ftp = ftplib.FTP_TLS(host, context=ssl._create_stdlib_context())
    ftp.prot_p()
    return ftp
