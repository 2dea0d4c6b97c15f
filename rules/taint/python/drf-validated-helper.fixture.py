# A viewset's own helper binds a serializer class to the request and returns its validated data
# (`data = self._validated(ExportSerializer)`): the serializer's typed fields hold no free text, its CharFields do.
import os

from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response


class ExportSerializer(serializers.Serializer):
    fmt = serializers.ChoiceField(choices=["csv", "json"])
    include_retired = serializers.BooleanField(default=False)
    label = serializers.CharField(max_length=40)


class AssetViewSet(viewsets.ViewSet):
    def _validated(self, serializer_class):
        serializer = serializer_class(data=self.request.data)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @action(detail=False, methods=["post"])
    def export(self, request):
        data = self._validated(ExportSerializer)
        flag = "--with-retired" if data["include_retired"] else ""
        # ok: py.cmdi.subprocess-shell
        os.system(f"asset-export --format {data['fmt']} {flag}")
        # ruleid: py.cmdi.subprocess-shell
        os.system(f"asset-export --label {data['label']}")
        return Response({})
