"""StreamField blocks of the trade content: named classes, so migrations stay small and stable.

The ROME importer writes raw stream data for the grouped lists, e.g. for `competences`:
    [{"type": "groupe", "value": {"titre": "Souder", "elements": ["…", "…"]}}]
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

# The rich text our trade pages accept; metiers.sanitize applies the same allow-list to imports.
TEXTE_RICHE_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class GroupeBlock(blocks.StructBlock):
    """A titled list: one family of skills, of knowledge or of working conditions."""

    titre = blocks.CharBlock(label=_("Titre du groupe"), max_length=255)
    elements = blocks.ListBlock(
        blocks.CharBlock(label=_("Élément"), max_length=500), label=_("Éléments")
    )

    class Meta:
        icon = "list-ul"
        label = _("Groupe")
        template = "components/groupe_block.html"


class ListeGroupeeBlock(blocks.StreamBlock):
    groupe = GroupeBlock()

    class Meta:
        label = _("Liste par groupes")


class ActivitesBlock(blocks.StreamBlock):
    """« Ce que je fais » : short paragraphs, plain lists of tasks, or titled groups of tasks."""

    paragraphe = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=TEXTE_RICHE_FEATURES,
        template="components/paragraph_block.html",
    )
    liste = blocks.ListBlock(
        blocks.CharBlock(label=_("Activité"), max_length=500),
        label=_("Liste d'activités"),
        template="components/liste_block.html",
    )
    groupe = GroupeBlock()

    class Meta:
        label = _("Activités")


class ChiffreCleBlock(blocks.StructBlock):
    chiffre = blocks.CharBlock(
        label=_("Chiffre"), max_length=40, help_text=_("Par exemple « 120 000 » ou « 8 sur 10 ».")
    )
    libelle = blocks.CharBlock(
        label=_("Libellé"), max_length=200, help_text=_("Ce que le chiffre mesure.")
    )
    source = blocks.CharBlock(
        label=_("Source"),
        max_length=200,
        required=False,
        help_text=_("Organisme et année, par exemple « Insee, 2024 »."),
    )

    class Meta:
        icon = "table"
        label = _("Chiffre clé")
        template = "components/chiffre_cle_block.html"


class ChiffresClesBlock(blocks.StreamBlock):
    chiffre = ChiffreCleBlock()

    class Meta:
        label = _("Chiffres clés")


class ImageLegendeeBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    legende = blocks.CharBlock(label=_("Légende"), max_length=255, required=False)

    class Meta:
        icon = "image"
        label = _("Image légendée")
        template = "components/image_legendee_block.html"


class VideoBlock(blocks.StructBlock):
    """A video hosted elsewhere. Shown as a link, never as an embedded player: an embedded
    player would make the student's browser call a third party as soon as the page opens."""

    video = EmbedBlock(
        label=_("Adresse de la vidéo"),
        help_text=_("Adresse de la vidéo (YouTube, Dailymotion, Vimeo…)."),
    )
    titre = blocks.CharBlock(label=_("Titre de la vidéo"), max_length=200)
    legende = blocks.CharBlock(label=_("Légende"), max_length=255, required=False)

    class Meta:
        icon = "media"
        label = _("Vidéo")
        template = "components/video_block.html"


class MediasBlock(blocks.StreamBlock):
    image = ImageLegendeeBlock()
    video = VideoBlock()

    class Meta:
        label = _("Médias")
