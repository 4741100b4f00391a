"""How the trade content reads in the API (read only): related pages, snippets, rich text."""

from rest_framework import serializers
from wagtail.images.api.fields import ImageRenditionField
from wagtail.rich_text import expand_db_html


class RichTextSerializer(serializers.CharField):
    """Rich text as the site shows it: internal page and image references turned into HTML."""

    def to_representation(self, value):
        return expand_db_html(value or "")


class LignesSerializer(serializers.CharField):
    """A one-per-line text field as a list of non-empty lines."""

    def to_representation(self, value):
        return [ligne.strip() for ligne in (value or "").splitlines() if ligne.strip()]


class PagesLieesSerializer(serializers.Field):
    """Related pages (many-to-many or a method returning pages), published ones only."""

    def __init__(self, **kwargs):
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance):
        value = super().get_attribute(instance)
        return value() if callable(value) else value

    def to_representation(self, value):
        request = self.context.get("request")
        pages = value.all() if hasattr(value, "all") else value
        return [
            {
                "id": page.pk,
                "title": page.title,
                "slug": page.slug,
                "html_url": page.get_full_url(request),
            }
            for page in pages
            if page.live
        ]


class FormationSerializer(serializers.Serializer):
    nom = serializers.CharField()
    niveau = serializers.CharField()
    niveau_libelle = serializers.CharField(source="get_niveau_display")
    apprentissage_possible = serializers.BooleanField()
    duree = serializers.CharField()


class CentreInteretSerializer(serializers.Serializer):
    libelle = serializers.CharField()
    slug = serializers.CharField()


class EntrepriseSerializer(serializers.Serializer):
    nom = serializers.CharField()
    ville = serializers.CharField()
    latitude = serializers.FloatField(allow_null=True)
    longitude = serializers.FloatField(allow_null=True)
    site_web = serializers.CharField()


class AmbassadeurSerializer(serializers.Serializer):
    prenom = serializers.CharField()
    citation = serializers.CharField()
    photo = ImageRenditionField("fill-200x200", allow_null=True)
