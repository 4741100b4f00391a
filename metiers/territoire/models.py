"""The territory's pages (the map, the agenda and its events) and what they link to."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from metiers.models import Entreprise
from metiers.models.pages import IntroIndexPage

from . import geo

valider_siret = RegexValidator(
    r"^\d{14}$", _("Un SIRET s'écrit avec 14 chiffres, sans espace."), code="siret"
)


class Etablissement(models.Model):
    """Where a company stands in the official registers: what the CSV import matches on."""

    entreprise = models.OneToOneField(
        "metiers.Entreprise",
        verbose_name=_("entreprise"),
        on_delete=models.CASCADE,
        related_name="etablissement",
    )
    siret = models.CharField(
        _("SIRET"), max_length=14, unique=True, null=True, blank=True, validators=[valider_siret]
    )
    code_commune = models.CharField(_("code INSEE de la commune"), max_length=5, blank=True)

    panels = [FieldPanel("entreprise"), FieldPanel("siret"), FieldPanel("code_commune")]

    class Meta:
        verbose_name = _("établissement")
        verbose_name_plural = _("établissements")

    def __str__(self):
        return self.siret or str(self.entreprise)


# The publics' names as people read them, translated (the rows only hold the French one).
PUBLIC_LABELS = {
    "collegiens": _("Collégiens"),
    "lyceens": _("Lycéens"),
    "apprentis": _("Apprentis"),
    "demandeurs-emploi": _("Demandeurs d'emploi"),
    "parents": _("Parents"),
    "enseignants": _("Enseignants"),
}


class Public(models.Model):
    """Who an event is for: the six publics are created by a migration."""

    slug = models.SlugField(_("identifiant"), unique=True)
    libelle = models.CharField(_("libellé"), max_length=80)
    ordre = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        ordering = ["ordre"]
        verbose_name = _("public")
        verbose_name_plural = _("publics")

    def __str__(self):
        return str(PUBLIC_LABELS.get(self.slug, self.libelle))


class CartePage(RoutablePageMixin, IntroIndexPage):
    """The map of the companies, with its filters and the list of the same results."""

    subpage_types = []
    template = "pages/carte_page.html"

    class Meta:
        verbose_name = _("carte des entreprises")
        verbose_name_plural = _("cartes des entreprises")

    @path("")
    def carte(self, request):
        from .views import carte

        return carte(request, self)

    @path("entreprise/<int:pk>/", name="entreprise")
    def entreprise(self, request, pk):
        from .views import entreprise

        return entreprise(request, self, pk)


class AgendaPage(RoutablePageMixin, IntroIndexPage):
    """The shared agenda: upcoming events, the archive, the month view, feeds and proposals."""

    subpage_types = ["territoire.EvenementPage"]
    template = "pages/agenda_page.html"

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agendas")

    @path("")
    def agenda(self, request):
        from .views import agenda

        return agenda(request, self)

    @path("archives/", name="archives")
    def archives(self, request):
        from .views import agenda

        return agenda(request, self, archives=True)

    @path("ical/", name="ical")
    def ical(self, request):
        from .views import ical

        return ical(request, self)

    @path("proposer/", name="proposer")
    def proposer(self, request):
        from .proposals import proposer

        return proposer(request, self)

    @path("proposer/merci/", name="merci")
    def merci(self, request):
        from .proposals import merci

        return merci(request, self)


class EvenementPage(Page):
    """A forum, a company visit, a fair, an open day or a workshop."""

    class Type(models.TextChoices):
        FORUM = "forum", _("Forum")
        VISITE = "visite", _("Visite d'entreprise")
        SALON = "salon", _("Salon")
        PORTES_OUVERTES = "portes_ouvertes", _("Portes ouvertes")
        ATELIER = "atelier", _("Atelier")

    type_evenement = models.CharField(_("type"), max_length=20, choices=Type.choices)
    debut = models.DateTimeField(_("début"))
    fin = models.DateTimeField(_("fin"))
    lieu = models.CharField(
        _("lieu"), max_length=200, help_text=_("Le nom du lieu et son adresse.")
    )
    commune = models.CharField(_("commune"), max_length=120)
    code_commune = models.CharField(
        _("code INSEE de la commune"),
        max_length=5,
        blank=True,
        help_text=_("Rempli tout seul d'après le nom de la commune quand il est trouvé."),
    )
    # The same fields, validators and help as the companies' own position.
    latitude = Entreprise._meta.get_field("latitude").clone()
    longitude = Entreprise._meta.get_field("longitude").clone()
    description = models.TextField(_("description"), max_length=3000)
    publics = ParentalManyToManyField(Public, verbose_name=_("publics"), blank=True)
    filieres = ParentalManyToManyField(
        "metiers.FilierePage", verbose_name=_("filières"), blank=True, related_name="evenements"
    )
    entreprises = ParentalManyToManyField(
        "metiers.Entreprise", verbose_name=_("entreprises"), blank=True, related_name="evenements"
    )
    metiers = ParentalManyToManyField(
        "metiers.MetierPage",
        verbose_name=_("fiches métiers"),
        blank=True,
        related_name="evenements",
    )
    organisateur = models.CharField(_("organisé par"), max_length=200)
    contact = models.EmailField(
        _("adresse de contact"),
        blank=True,
        help_text=_("Pour la relecture seulement : elle n'est jamais affichée sur le site."),
    )
    inscription = models.URLField(_("lien d'inscription"), blank=True)

    parent_page_types = ["territoire.AgendaPage"]
    subpage_types = []
    template = "pages/evenement_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("type_evenement"),
        FieldRowPanel([FieldPanel("debut"), FieldPanel("fin")]),
        MultiFieldPanel(
            [
                FieldPanel("lieu"),
                FieldPanel("commune"),
                FieldPanel("code_commune"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Lieu"),
            help_text=_("Sans coordonnées, l'événement est placé au centre de sa commune."),
        ),
        FieldPanel("description"),
        FieldPanel("publics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("filieres", widget=forms.CheckboxSelectMultiple),
        FieldPanel("metiers"),
        FieldPanel("entreprises"),
        InlinePanel("jeux", label=_("Jeux proposés sur place")),
        MultiFieldPanel(
            [FieldPanel("organisateur"), FieldPanel("contact"), FieldPanel("inscription")],
            heading=_("Organisation"),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("commune"),
        index.FilterField("debut"),
    ]

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def clean(self):
        super().clean()
        if self.debut and self.fin and self.fin < self.debut:
            raise ValidationError({"fin": _("La fin doit venir après le début.")})
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Indiquez la latitude et la longitude, ou aucune des deux."))
        if self.commune and not self.code_commune:
            found = geo.find_communes(self.commune)
            if found:
                self.code_commune = found[0].code

    def get_context(self, request, *args, **kwargs):
        from .views import contexte_evenement

        context = super().get_context(request, *args, **kwargs)
        context.update(contexte_evenement(self, request))
        return context

    @property
    def est_passe(self) -> bool:
        return self.fin < timezone.now()

    def position(self) -> tuple[float, float] | None:
        """(longitude, latitude): the one typed in, else the centre of the commune."""
        if self.latitude is not None and self.longitude is not None:
            return float(self.longitude), float(self.latitude)
        commune = geo.commune_by_code(self.code_commune) if self.code_commune else None
        return (commune.longitude, commune.latitude) if commune else None


class EvenementJeu(Orderable):
    """A live game or a rally played at the event (a quiz, a parcours, an escape game)."""

    evenement = ParentalKey(EvenementPage, on_delete=models.CASCADE, related_name="jeux")
    jeu = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("jeu"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [
        PageChooserPanel(
            "jeu", page_type=["games.QuizPage", "games.ParcoursPage", "games.EscapeGamePage"]
        )
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("jeu")
        verbose_name_plural = _("jeux")
