"""Snippets shared by the fiches: centres d'intérêt, formations, entreprises, ambassadeurs."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.search import index


class CentreInteret(index.Indexed, models.Model):
    libelle = models.CharField(_("libellé"), max_length=255, unique=True)
    slug = models.SlugField(
        _("identifiant dans l'adresse"),
        max_length=255,
        unique=True,
        help_text=_(
            "Utilisé dans l'adresse du filtre des métiers, par exemple « creer-fabriquer »."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    code_rome_ogr = models.CharField(
        _("code OGR du ROME"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_(
            "Identifiant du centre d'intérêt dans le ROME : l'import s'en sert pour le retrouver."
        ),
    )

    panels = [
        FieldPanel("libelle"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("code_rome_ogr"),
    ]
    search_fields = [index.SearchField("libelle"), index.AutocompleteField("libelle")]

    class Meta:
        ordering = ["libelle"]
        verbose_name = _("centre d'intérêt")
        verbose_name_plural = _("centres d'intérêt")

    def __str__(self):
        return self.libelle


class Formation(index.Indexed, models.Model):
    class Niveau(models.TextChoices):
        # In the order a student climbs them; the index filter lists them in this order.
        CAP = "cap", _("CAP")
        BAC_PRO = "bac_pro", _("Bac pro")
        BTS = "bts", _("BTS")
        BUT = "but", _("BUT")
        LICENCE_PRO = "licence_pro", _("Licence pro")
        INGENIEUR = "ingenieur", _("Diplôme d'ingénieur")

    nom = models.CharField(
        _("nom"),
        max_length=255,
        help_text=_("Par exemple « CAP Réalisations industrielles en chaudronnerie »."),
    )
    niveau = models.CharField(_("niveau"), max_length=20, choices=Niveau.choices)
    apprentissage_possible = models.BooleanField(
        _("possible en apprentissage"),
        default=False,
        help_text=_("Cocher si la formation se prépare aussi en alternance."),
    )
    duree = models.CharField(
        _("durée"), max_length=40, blank=True, help_text=_("Par exemple « 2 ans ».")
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("nom"),
        FieldPanel("niveau"),
        FieldPanel("apprentissage_possible"),
        FieldPanel("duree"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("nom"),
        index.AutocompleteField("nom"),
        index.FilterField("niveau"),
    ]

    class Meta:
        ordering = ["nom"]
        verbose_name = _("formation")
        verbose_name_plural = _("formations")

    def __str__(self):
        return f"{self.nom} ({self.get_niveau_display()})"


class Entreprise(index.Indexed, ClusterableModel):
    nom = models.CharField(_("nom"), max_length=255)
    ville = models.CharField(_("ville"), max_length=120)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("En degrés décimaux, entre -90 et 90 (par exemple 45.764043)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("En degrés décimaux, entre -180 et 180 (par exemple 4.835659)."),
    )
    site_web = models.URLField(_("site web"), blank=True)
    filieres = ParentalManyToManyField(
        "metiers.FilierePage", verbose_name=_("filières"), blank=True, related_name="entreprises"
    )

    panels = [
        FieldPanel("nom"),
        FieldPanel("ville"),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")],
            heading=_("Position sur la carte"),
            help_text=_("Les deux ou aucune."),
        ),
        FieldPanel("site_web"),
        FieldPanel("filieres", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [
        index.SearchField("nom"),
        index.AutocompleteField("nom"),
        index.SearchField("ville"),
    ]

    class Meta:
        ordering = ["nom"]
        verbose_name = _("entreprise")
        verbose_name_plural = _("entreprises")

    def __str__(self):
        return f"{self.nom} ({self.ville})"

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError(_("Indiquez la latitude et la longitude, ou aucune des deux."))


class AmbassadeurQuerySet(models.QuerySet):
    def visibles(self):
        """Only ambassadors whose consent to be shown is on record may appear on the site."""
        return self.filter(consentement_enregistre=True, consentement_date__isnull=False)


class Ambassadeur(index.Indexed, models.Model):
    """A person who does the trade and agreed to be quoted, with a photo."""

    prenom = models.CharField(_("prénom"), max_length=80)
    metier = models.ForeignKey(
        "metiers.MetierPage",
        verbose_name=_("métier"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="ambassadeurs",
    )
    citation = models.TextField(
        _("citation"), max_length=500, help_text=_("Ses mots, 500 caractères au plus.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    consentement_enregistre = models.BooleanField(
        _("consentement enregistré"),
        default=False,
        help_text=_(
            "Cocher seulement quand l'accord écrit de la personne (prénom, photo, citation) est archivé. "
            "Sans cela, l'ambassadeur n'apparaît pas sur le site."
        ),
    )
    consentement_date = models.DateField(
        _("date du consentement"), null=True, blank=True, help_text=_("Date de l'accord écrit.")
    )

    objects = AmbassadeurQuerySet.as_manager()

    panels = [
        FieldPanel("prenom"),
        FieldPanel("metier"),
        FieldPanel("citation"),
        FieldPanel("photo"),
        MultiFieldPanel(
            [FieldPanel("consentement_enregistre"), FieldPanel("consentement_date")],
            heading=_("Consentement"),
        ),
    ]
    search_fields = [index.SearchField("prenom"), index.SearchField("citation")]

    class Meta:
        ordering = ["prenom"]
        verbose_name = _("ambassadeur")
        verbose_name_plural = _("ambassadeurs")

    def __str__(self):
        return self.prenom

    @property
    def est_visible(self) -> bool:
        return self.consentement_enregistre and self.consentement_date is not None

    def clean(self):
        super().clean()
        if self.consentement_enregistre and self.consentement_date is None:
            raise ValidationError(
                {"consentement_date": _("Indiquez la date du consentement enregistré.")}
            )
