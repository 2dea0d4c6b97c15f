# Django Channels: a WebSocket consumer's receive / receive_json gets the client's message.
import json
import subprocess

from channels.generic.websocket import AsyncJsonWebsocketConsumer, WebsocketConsumer
from django.db import connection


def history(room, author):
    with connection.cursor() as cur:
        # ruleid: py.sqli.string-query
        cur.execute(f"SELECT body FROM chat_message WHERE room = %s AND author = '{author}'", [room])
        return cur.fetchall()


class ChatConsumer(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        if content.get("action") == "history":
            await self.send_json({"rows": history(self.room, content.get("author"))})
        elif content.get("action") == "calc":
            # ruleid: py.code-injection.eval
            await self.send_json({"result": eval(content.get("expr", "0"), {"__builtins__": {}}, {})})
        elif content.get("action") == "count":
            with connection.cursor() as cur:
                # ok: py.sqli.string-query
                cur.execute("SELECT count(*) FROM chat_message WHERE room = %s", [content.get("room")])


class PingConsumer(WebsocketConsumer):
    def receive(self, text_data=None, bytes_data=None):
        host = json.loads(text_data)["host"]
        # ruleid: py.cmdi.subprocess-shell
        subprocess.run(f"ping -c 1 {host}", shell=True)
        # ok: py.cmdi.subprocess-shell
        subprocess.run(["ping", "-c", "1", "--", host])
