# InfluxDB API tokens (issue 16).
import os
from influxdb_client import InfluxDBClient

# ruleid: secrets.influxdb.api-token
client = InfluxDBClient(url="https://influx.internal:8086", token="7nxdRg7BlR01aOdmaPOmmblL0yJK19YINMrAgLC1r5Wl_0FIkH-OG_ExuJj5hbHkMLmtPpedlcCM3VQkx_ISWw==", org="ops")
# ok: secrets.influxdb.api-token
client2 = InfluxDBClient(url="https://influx.internal:8086", token=os.environ["INFLUX_TOKEN"], org="ops")
# ok: secrets.influxdb.api-token
influx_token = "my-token"
