# A serializer's validated data holds the fields it declares: their names are the program's.
from django import forms
from rest_framework import serializers, viewsets

from .models import Profile


class ProfileSerializer(serializers.ModelSerializer):
    class Meta:
        model = Profile
        fields = ["bio", "image"]

    def update(self, instance, validated_data):
        for key, value in validated_data.items():
            # ok: py.class-pollution.setattr
            setattr(instance, key, value)
        instance.save()
        return instance


class ProfileForm(forms.Form):
    bio = forms.CharField()


class ProfileViewSet(viewsets.ViewSet):
    def partial_update(self, request, pk=None):
        profile = Profile.objects.get(pk=pk)
        form = ProfileForm(request.data)
        if form.is_valid():
            for key in form.cleaned_data:
                # ok: py.class-pollution.setattr
                setattr(profile, key, form.cleaned_data[key])
        for key, value in request.data.items():
            # ruleid: py.class-pollution.setattr
            setattr(profile, key, value)
        profile.save()
