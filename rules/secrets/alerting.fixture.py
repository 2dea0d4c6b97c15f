import os

import pika
import requests

# ruleid: secrets.pagerduty.integration-key
PAGERDUTY = {"integration_key": "4d0e9a7c1b6f3e8a2d5c0b9f7e4a1c36"}


def page(summary):
    requests.post("https://events.pagerduty.com/v2/enqueue", json={
        # ruleid: secrets.pagerduty.integration-key
        "routing_key": "9c1e7a3f5b0d4e2a8c6f1b3d7e9a0c54",
        "event_action": "trigger",
        "payload": {"summary": summary, "source": "billing", "severity": "error"},
    })


def page_from_env(summary):
    requests.post("https://events.pagerduty.com/v2/enqueue", json={
        # ok: secrets.pagerduty.integration-key
        "routing_key": os.environ["PAGERDUTY_ROUTING_KEY"],
        "event_action": "trigger",
        "payload": {"summary": summary, "source": "billing", "severity": "error"},
    })


def publish(channel: pika.adapters.blocking_connection.BlockingChannel, body: bytes):
    # ok: secrets.pagerduty.integration-key
    channel.basic_publish(exchange="orders", routing_key="orders.created.eu", body=body)
    # ok: secrets.pagerduty.integration-key
    channel.basic_publish(exchange="shards", routing_key="shard0000000000000000000000000007", body=body)
