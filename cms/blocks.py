"""Blocks shared by the site-wide pages (home, standard pages)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from games.impact.blocks import KeyFiguresBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=120)

    class Meta:
        icon = "title"
        label = _("Intertitre")
        template = "components/heading_block.html"


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=80)
    text = blocks.TextBlock(label=_("Texte"), max_length=300, required=False)
    page = blocks.PageChooserBlock(label=_("Page liée"))

    class Meta:
        icon = "link"
        label = _("Carte")


class CardGridBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre de la section"), max_length=120, required=False)
    cards = blocks.ListBlock(CardBlock(), label=_("Cartes"), min_num=1, max_num=12)

    class Meta:
        icon = "grip"
        label = _("Grille de cartes")
        template = "components/card_grid_block.html"


class StandardBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=["bold", "italic", "link", "ol", "ul", "h3"],
        template="components/paragraph_block.html",
    )


class HomeBodyBlock(StandardBodyBlock):
    cards = CardGridBlock()
    key_figures = KeyFiguresBlock()
