"""Site-wide pages and settings: the home page, plain pages (legal, privacy) and footer links."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from metiers.blocks import ChiffresClesBlock

from .blocks import HomeBodyBlock, StandardBodyBlock
from .search.index import STEMMED_FIELD, StemmedSearchMixin

HOME_OBJETS = 3


class HomePage(StemmedSearchMixin, Page):
    hero_title = models.CharField(_("titre d'accroche"), max_length=120)
    hero_text = models.TextField(_("texte d'accroche"), max_length=400, blank=True)
    body = StreamField(HomeBodyBlock(), verbose_name=_("contenu"), blank=True)
    region_titre = models.CharField(_("titre de la région"), max_length=120, blank=True)
    region_texte = models.TextField(_("texte sur la région"), max_length=600, blank=True)
    region_chiffres = StreamField(
        ChiffresClesBlock(),
        verbose_name=_("chiffres de la région"),
        blank=True,
        help_text=_("Trois ou quatre chiffres de la région, chacun avec sa source."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("region_titre"), FieldPanel("region_texte"), FieldPanel("region_chiffres")],
            heading=_("La région"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_text"), STEMMED_FIELD]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1
    template = "pages/home_page.html"

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), self.hero_title, self.hero_text]

    def get_context(self, request, *args, **kwargs):
        from metiers.models import FilierePage, ObjetPage

        context = super().get_context(request, *args, **kwargs)
        context["objets_a_la_une"] = (
            ObjetPage.objects.live().public().order_by("title").select_related("image")
        )[:HOME_OBJETS]
        context["filieres_a_la_une"] = (
            FilierePage.objects.live().public().order_by("title").select_related("image")
        )
        return context


class StandardPage(StemmedSearchMixin, Page):
    """A plain text page: mentions légales, confidentialité, à propos."""

    introduction = models.TextField(_("introduction"), max_length=400, blank=True)
    body = StreamField(StandardBodyBlock(), verbose_name=_("contenu"))

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), STEMMED_FIELD]
    template = "pages/standard_page.html"

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), self.introduction]


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    legal_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page des mentions légales"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page de confidentialité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_email = models.EmailField(_("adresse de contact"), blank=True)

    panels = [FieldPanel("legal_page"), FieldPanel("privacy_page"), FieldPanel("contact_email")]

    class Meta:
        verbose_name = _("réglages du site")
