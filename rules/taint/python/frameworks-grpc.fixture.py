import os
import subprocess
import urllib.request

import grpc

import inventory_pb2
import inventory_pb2_grpc

LABEL_ROOT = os.path.realpath("/srv/labels")


class InventoryServicer(inventory_pb2_grpc.InventoryServicer):
    def GetLabel(self, request, context):
        # ruleid: py.path-traversal.open
        with open(os.path.join(LABEL_ROOT, request.label_path), "rb") as fh:
            return inventory_pb2.Label(data=fh.read())

    def GetLabelChecked(self, request, context):
        full = os.path.realpath(os.path.join(LABEL_ROOT, request.label_path))
        if os.path.commonpath([LABEL_ROOT, full]) != LABEL_ROOT:
            context.abort(grpc.StatusCode.PERMISSION_DENIED, "invalid label path")
        # ok: py.path-traversal.open
        with open(full, "rb") as fh:
            return inventory_pb2.Label(data=fh.read())

    def RegisterWebhook(self, request, context):
        # ruleid: py.ssrf.http-client
        with urllib.request.urlopen(request.callback_url, timeout=5) as resp:
            return inventory_pb2.WebhookReply(verified=resp.status == 200)

    def Export(self, request, context):
        # ok: py.cmdi.subprocess-shell
        subprocess.check_call("tar czf /srv/exports/all.tgz /srv/inventory", shell=True)
        return inventory_pb2.Empty()

    def ImportMany(self, request_iterator, context):
        for item in request_iterator:
            # ruleid: py.cmdi.subprocess-shell
            subprocess.check_call("touch /srv/inventory/" + item.sku, shell=True)
        return inventory_pb2.Empty()
