"""The trade pages: the fiches métiers, the filières, the objets de A à Z, and their indexes.

The index pages' listing and filtering live in metiers.catalogue; the API fields' serializers
in metiers.serializers.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Prefetch, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images.api.fields import ImageRenditionField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cms.search.index import STEMMED_FIELD, StemmedSearchMixin

from .. import riasec
from ..blocks import (
    TEXTE_RICHE_FEATURES,
    ActivitesBlock,
    ChiffresClesBlock,
    ListeGroupeeBlock,
    MediasBlock,
)
from ..forms import MetierPageForm, ObjetPageForm
from ..serializers import (
    AmbassadeurSerializer,
    CentreInteretSerializer,
    EntrepriseSerializer,
    FormationSerializer,
    LignesSerializer,
    PagesLieesSerializer,
    RichTextSerializer,
)

# A beginner's gross monthly salary in euros. Outside this range the figure is almost surely a
# typing slip (an annual amount, a missing zero), so the editor is asked to check it.
SALAIRE_PLAUSIBLE_MIN = 1_000
SALAIRE_PLAUSIBLE_MAX = 10_000

valider_code_rome = RegexValidator(
    r"^[A-N]\d{4}$",
    _("Un code ROME est une lettre de A à N suivie de 4 chiffres, par exemple H2902."),
    code="code_rome",
)
valider_couleur = RegexValidator(
    r"^#[0-9A-Fa-f]{6}$",
    _("Une couleur s'écrit # suivi de 6 chiffres hexadécimaux, par exemple #1D4ED8."),
    code="couleur",
)

# Not copied when an editor duplicates a fiche: the ROME code must stay unique and the import
# memory belongs to the fiche the importer wrote.
ROME_FIELDS_NOT_COPIED = ["code_rome", "rome_import"]


def vignette_api():
    return ImageRenditionField("fill-480x320", source="image")


class IntroIndexPage(StemmedSearchMixin, Page):
    """Common shape of the three index pages: an introduction, one page type below."""

    introduction = RichTextField(_("introduction"), features=TEXTE_RICHE_FEATURES, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction"), STEMMED_FIELD]
    parent_page_types = ["cms.HomePage"]
    max_count = 1

    class Meta:
        abstract = True

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), self.introduction]


class MetierIndexPage(IntroIndexPage):
    subpage_types = ["metiers.MetierPage"]
    template = "pages/metier_index_page.html"

    class Meta:
        verbose_name = _("index des métiers")
        verbose_name_plural = _("index des métiers")

    def get_context(self, request, *args, **kwargs):
        from ..catalogue import catalogue_metiers

        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = catalogue_metiers(self, request.GET)
        return context


class FiliereIndexPage(IntroIndexPage):
    subpage_types = ["metiers.FilierePage"]
    template = "pages/filiere_index_page.html"

    class Meta:
        verbose_name = _("index des filières")
        verbose_name_plural = _("index des filières")

    def filieres(self):
        return (
            FilierePage.objects.child_of(self)
            .live()
            .public()
            .order_by("title")
            .select_related("image")
        )


class ObjetIndexPage(IntroIndexPage):
    subpage_types = ["metiers.ObjetPage"]
    template = "pages/objet_index_page.html"

    class Meta:
        verbose_name = _("index des objets de A à Z")
        verbose_name_plural = _("index des objets de A à Z")

    def objets(self):
        return (
            ObjetPage.objects.child_of(self)
            .live()
            .public()
            .order_by("title")
            .select_related("image")
        )


def pages_en_ligne(relation) -> list:
    """The published pages of a many-to-many, by title. A preview or a revision holds the
    relation in memory (no queryset): it is filtered the same way, in Python."""
    pages = relation.all()
    if isinstance(pages, QuerySet):
        return list(pages.live().public().order_by("title").select_related("image"))
    return sorted((page for page in pages if page.live), key=lambda page: page.title)


def image_field(help_text=""):
    return models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


def accroche_field(help_text):
    # Not blank: Wagtail asks for it on publish and lets a draft be saved without it.
    return models.CharField(_("accroche"), max_length=300, help_text=help_text)


class MetierPage(StemmedSearchMixin, Page):
    """A fiche métier: what the job is, where it is done, how to get there, what it pays."""

    titre_masculin = models.CharField(
        _("titre au masculin"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « Chaudronnier »."),
    )
    titre_feminin = models.CharField(
        _("titre au féminin"),
        max_length=255,
        blank=True,
        help_text=_("Par exemple « Chaudronnière »."),
    )
    accroche = accroche_field(
        _("Une phrase qui donne envie, lue en premier et sur les cartes (300 caractères au plus).")
    )
    image = image_field(help_text=_("Photo du métier en action, de préférence en format paysage."))
    description = RichTextField(
        _("définition"),
        features=TEXTE_RICHE_FEATURES,
        blank=True,
        help_text=_("Le métier en quelques phrases, avec des mots simples."),
    )
    activites = StreamField(
        ActivitesBlock(),
        verbose_name=_("ce que je fais"),
        blank=True,
        help_text=_("Les activités du quotidien : une liste courte vaut mieux qu'un long texte."),
    )
    competences = StreamField(
        ListeGroupeeBlock(),
        verbose_name=_("compétences"),
        blank=True,
        help_text=_("Savoir-faire, par groupes."),
    )
    savoirs = StreamField(
        ListeGroupeeBlock(),
        verbose_name=_("savoirs"),
        blank=True,
        help_text=_("Connaissances, par groupes."),
    )
    conditions = StreamField(
        ListeGroupeeBlock(),
        verbose_name=_("conditions de travail"),
        blank=True,
        help_text=_("Horaires, lieux, environnement, risques : un groupe par thème."),
    )
    acces = RichTextField(
        _("accès au métier"),
        features=TEXTE_RICHE_FEATURES,
        blank=True,
        help_text=_("Diplômes demandés, expérience, permis, habilitations."),
    )
    formations = ParentalManyToManyField(
        "metiers.Formation", verbose_name=_("formations"), blank=True, related_name="metiers"
    )
    salaire_min = models.PositiveIntegerField(
        _("salaire débutant minimum"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(SALAIRE_PLAUSIBLE_MIN),
            MaxValueValidator(SALAIRE_PLAUSIBLE_MAX),
        ],
        help_text=_("Salaire brut mensuel d'un débutant, en euros (par exemple 1900)."),
    )
    salaire_max = models.PositiveIntegerField(
        _("salaire débutant maximum"),
        null=True,
        blank=True,
        validators=[
            MinValueValidator(SALAIRE_PLAUSIBLE_MIN),
            MaxValueValidator(SALAIRE_PLAUSIBLE_MAX),
        ],
        help_text=_("Salaire brut mensuel d'un débutant, en euros (par exemple 2300)."),
    )
    code_rome = models.CharField(
        _("code ROME"),
        max_length=5,
        blank=True,
        db_index=True,
        validators=[valider_code_rome],
        help_text=_(
            "Fiche du ROME 4.0 dont ce métier est issu, par exemple H2902. Un code par fiche."
        ),
    )
    appellations = models.TextField(
        _("appellations"),
        blank=True,
        help_text=_("Les autres noms du métier, un par ligne : ils aident la recherche."),
    )
    centres_interet = ParentalManyToManyField(
        "metiers.CentreInteret",
        verbose_name=_("centres d'intérêt"),
        blank=True,
        related_name="metiers",
    )
    riasec = models.CharField(
        _("profil RIASEC"),
        max_length=6,
        blank=True,
        validators=[riasec.valider],
        help_text=_(
            "Lettres parmi R (réaliste), I (investigateur), A (artistique), S (social), "
            "E (entreprenant), C (conventionnel), la dominante d'abord, par exemple « RI »."
        ),
    )
    metiers_proches = ParentalManyToManyField(
        "self",
        symmetrical=False,
        verbose_name=_("métiers proches"),
        blank=True,
        related_name="metiers_proches_de",
        help_text=_(
            "Métiers voisins, y compris les passerelles (mobilités) proposées par le ROME."
        ),
    )
    filieres = ParentalManyToManyField(
        "metiers.FilierePage",
        verbose_name=_("filières"),
        blank=True,
        related_name="metiers_de_la_filiere",
    )
    medias = StreamField(MediasBlock(), verbose_name=_("médias"), blank=True)
    entreprises = ParentalManyToManyField(
        "metiers.Entreprise", verbose_name=_("entreprises"), blank=True, related_name="metiers"
    )
    # The ROME importer's memory: for each field it fills, the value it wrote last time,
    # e.g. {"description": "<p>…</p>", "competences": [...], "appellations": "…"}.
    # On the next import it rewrites a field only if the fiche still holds exactly that value;
    # a different value means an editor changed it, and the editor's text wins.
    rome_import = models.JSONField(
        _("mémoire de l'import ROME"), default=dict, blank=True, editable=False
    )

    base_form_class = MetierPageForm
    parent_page_types = ["metiers.MetierIndexPage"]
    subpage_types = []
    template = "pages/metier_page.html"
    exclude_fields_in_copy = ROME_FIELDS_NOT_COPIED

    essentiel_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("titre_masculin"), FieldPanel("titre_feminin")]),
        FieldPanel("accroche"),
        FieldPanel("image"),
        FieldPanel("description"),
        FieldRowPanel(
            [FieldPanel("salaire_min"), FieldPanel("salaire_max")],
            heading=_("Salaire brut mensuel débutant (€)"),
        ),
    ]
    metier_panels = [
        FieldPanel("activites"),
        FieldPanel("competences"),
        FieldPanel("savoirs"),
        FieldPanel("conditions"),
        FieldPanel("medias"),
    ]
    acces_panels = [
        FieldPanel("acces"),
        FieldPanel("formations", widget=forms.CheckboxSelectMultiple),
    ]
    liens_panels = [
        FieldPanel("centres_interet", widget=forms.CheckboxSelectMultiple),
        FieldPanel("riasec"),
        FieldPanel("filieres", widget=forms.CheckboxSelectMultiple),
        FieldPanel("metiers_proches", widget=forms.CheckboxSelectMultiple),
        FieldPanel("entreprises", widget=forms.CheckboxSelectMultiple),
    ]
    rome_panels = [FieldPanel("code_rome"), FieldPanel("appellations")]

    edit_handler = TabbedInterface(
        [
            ObjectList(essentiel_panels, heading=_("L'essentiel")),
            ObjectList(metier_panels, heading=_("Le métier")),
            ObjectList(acces_panels, heading=_("Formations et accès")),
            ObjectList(liens_panels, heading=_("Liens")),
            ObjectList(rome_panels, heading=_("ROME")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("titre_masculin"),
        index.SearchField("titre_feminin"),
        index.SearchField("accroche"),
        index.SearchField("description"),
        index.SearchField("appellations"),
        index.AutocompleteField("appellations"),
        index.SearchField("code_rome"),
        index.FilterField("code_rome"),
        STEMMED_FIELD,
    ]

    api_fields = [
        APIField("titre_masculin"),
        APIField("titre_feminin"),
        APIField("accroche"),
        APIField("image"),
        APIField("image_vignette", serializer=vignette_api()),
        APIField("description", serializer=RichTextSerializer()),
        APIField("activites"),
        APIField("competences"),
        APIField("savoirs"),
        APIField("conditions"),
        APIField("acces", serializer=RichTextSerializer()),
        APIField("formations", serializer=FormationSerializer(many=True)),
        APIField("salaire_min"),
        APIField("salaire_max"),
        APIField("code_rome"),
        APIField("appellations", serializer=LignesSerializer()),
        APIField("centres_interet", serializer=CentreInteretSerializer(many=True)),
        APIField("riasec"),
        APIField("riasec_libelles"),
        APIField("metiers_proches", serializer=PagesLieesSerializer()),
        APIField("filieres", serializer=PagesLieesSerializer()),
        APIField("medias"),
        APIField("ambassadeurs_visibles", serializer=AmbassadeurSerializer(many=True)),
        APIField("entreprises", serializer=EntrepriseSerializer(many=True)),
    ]

    class Meta:
        verbose_name = _("fiche métier")
        verbose_name_plural = _("fiches métiers")
        constraints = [
            models.UniqueConstraint(
                fields=["code_rome"],
                condition=~Q(code_rome=""),
                name="metiers_metierpage_code_rome_unique",
                violation_error_message=_("Une autre fiche porte déjà ce code ROME."),
            )
        ]

    def clean(self):
        super().clean()
        self.riasec = riasec.normaliser(self.riasec)
        if (
            self.salaire_min is not None
            and self.salaire_max is not None
            and self.salaire_min > self.salaire_max
        ):
            raise ValidationError(
                {
                    "salaire_max": _(
                        "Le salaire maximum doit être supérieur ou égal au salaire minimum."
                    )
                }
            )

    def search_texts(self) -> list[str]:
        filieres = [filiere.title for filiere in self.filieres.all()]
        texts = [self.titre_masculin, self.titre_feminin, self.accroche, self.description]
        return [*super().search_texts(), *texts, self.appellations, *filieres]

    @property
    def riasec_libelles(self) -> list[str]:
        return riasec.libelles(self.riasec)

    @property
    def liste_appellations(self) -> list[str]:
        return [ligne.strip() for ligne in self.appellations.splitlines() if ligne.strip()]

    @property
    def ambassadeurs_visibles(self) -> QuerySet:
        from .snippets import Ambassadeur

        return Ambassadeur.objects.visibles().filter(metier=self).select_related("photo")

    def formations_par_niveau(self) -> list:
        """The formations from the first diploma a student can reach to the longest."""
        from .snippets import Formation

        rang = {niveau: i for i, niveau in enumerate(Formation.Niveau.values)}
        return sorted(self.formations.all(), key=lambda f: (rang.get(f.niveau, len(rang)), f.nom))

    def niveaux_formations(self) -> list[str]:
        """Distinct study levels of the formations, in the order a student climbs them."""
        niveaux = []
        for formation in self.formations_par_niveau():
            libelle = formation.get_niveau_display()
            if libelle not in niveaux:
                niveaux.append(libelle)
        return niveaux

    def apprentissage_possible(self) -> bool:
        return any(formation.apprentissage_possible for formation in self.formations.all())

    def metiers_proches_en_ligne(self) -> list["MetierPage"]:
        return pages_en_ligne(self.metiers_proches)

    def filieres_en_ligne(self) -> list["FilierePage"]:
        return pages_en_ligne(self.filieres)

    def objets_en_ligne(self) -> QuerySet:
        """« Suis l'objet » : the published objets with a step this trade does."""
        return (
            ObjetPage.objects.live()
            .public()
            .filter(etapes__metiers=self)
            .distinct()
            .order_by("title")
            .select_related("image")
        )


class FilierePage(StemmedSearchMixin, Page):
    """A family of trades around one industry (e.g. the vehicles of the future)."""

    accroche = accroche_field(_("Une phrase qui donne envie, lue en premier et sur les cartes."))
    image = image_field()
    presentation = RichTextField(
        _("présentation"), features=[*TEXTE_RICHE_FEATURES, "h3"], blank=True
    )
    chiffres_cles = StreamField(
        ChiffresClesBlock(),
        verbose_name=_("chiffres clés"),
        blank=True,
        help_text=_("Trois ou quatre chiffres marquants, chacun avec sa source."),
    )
    couleur = models.CharField(
        _("couleur"),
        max_length=7,
        blank=True,
        validators=[valider_couleur],
        help_text=_(
            "Couleur du badge de la filière, par exemple #1D4ED8. Laisser vide pour la couleur par défaut."
        ),
    )

    parent_page_types = ["metiers.FiliereIndexPage"]
    subpage_types = []
    template = "pages/filiere_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("accroche"),
        FieldPanel("image"),
        FieldPanel("presentation"),
        FieldPanel("chiffres_cles"),
        FieldPanel("couleur"),
    ]
    search_fields = [
        *Page.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("accroche"),
        index.SearchField("presentation"),
        STEMMED_FIELD,
    ]
    api_fields = [
        APIField("accroche"),
        APIField("image"),
        APIField("image_vignette", serializer=vignette_api()),
        APIField("presentation", serializer=RichTextSerializer()),
        APIField("chiffres_cles"),
        APIField("couleur"),
        APIField("metiers", serializer=PagesLieesSerializer()),
        APIField("objets", serializer=PagesLieesSerializer()),
    ]

    class Meta:
        verbose_name = _("filière")
        verbose_name_plural = _("filières")

    def search_texts(self) -> list[str]:
        return [*super().search_texts(), self.accroche, self.presentation]

    def metiers(self):
        return (
            MetierPage.objects.live()
            .public()
            .filter(filieres=self)
            .order_by("title")
            .select_related("image")
        )

    def objets(self):
        return (
            ObjetPage.objects.live()
            .public()
            .filter(filieres=self)
            .order_by("title")
            .select_related("image")
        )

    @property
    def couleur_texte(self) -> str:
        """Black or white, whichever reads better on the badge colour (WCAG luminance)."""
        if not self.couleur:
            return ""
        canaux = [int(self.couleur[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lineaires = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in canaux]
        luminance = 0.2126 * lineaires[0] + 0.7152 * lineaires[1] + 0.0722 * lineaires[2]
        # Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05): equal at ~0.179.
        return "#000000" if luminance > 0.179 else "#ffffff"


class ObjetPage(StemmedSearchMixin, Page):
    """An everyday object followed from raw material to customer, one trade at each step."""

    accroche = accroche_field(_("Une phrase qui donne envie, lue en premier et sur les cartes."))
    image = image_field()
    introduction = RichTextField(_("introduction"), features=TEXTE_RICHE_FEATURES, blank=True)
    filieres = ParentalManyToManyField(
        "metiers.FilierePage",
        verbose_name=_("filières"),
        blank=True,
        related_name="objets_de_la_filiere",
    )

    base_form_class = ObjetPageForm
    parent_page_types = ["metiers.ObjetIndexPage"]
    subpage_types = []
    template = "pages/objet_page.html"

    content_panels = [
        *Page.content_panels,
        FieldPanel("accroche"),
        FieldPanel("image"),
        FieldPanel("introduction"),
        FieldPanel("filieres", widget=forms.CheckboxSelectMultiple),
    ]
    chaine_panels = [
        InlinePanel(
            "etapes",
            heading=_("Les étapes, de A à Z"),
            label=_("Étape"),
            help_text=_(
                "Dans l'ordre : de la matière première jusqu'au client. Au moins 2 étapes pour publier."
            ),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("L'objet")),
            ObjectList(chaine_panels, heading=_("La chaîne")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.AutocompleteField("title"),
        index.SearchField("accroche"),
        index.SearchField("introduction"),
        STEMMED_FIELD,
    ]
    api_fields = [
        APIField("accroche"),
        APIField("image"),
        APIField("image_vignette", serializer=vignette_api()),
        APIField("introduction", serializer=RichTextSerializer()),
        APIField("filieres", serializer=PagesLieesSerializer()),
        APIField("etapes"),
    ]

    class Meta:
        verbose_name = _("objet de A à Z")
        verbose_name_plural = _("objets de A à Z")

    def filieres_en_ligne(self) -> list[FilierePage]:
        return pages_en_ligne(self.filieres)

    def search_texts(self) -> list[str]:
        etapes = [f"{etape.titre} {etape.description}" for etape in self.etapes.all()]
        filieres = [filiere.title for filiere in self.filieres.all()]
        return [*super().search_texts(), self.accroche, self.introduction, *etapes, *filieres]

    def chaine(self) -> list["EtapeObjet"]:
        """The steps in order, each with `metiers_en_ligne`: its published métiers by title.

        Saved pages: one query for the steps and one prefetch for all their métiers. A preview
        or an old revision holds its steps in memory; they are used as they are.
        """
        etapes = self.etapes.all()
        if isinstance(etapes, QuerySet):
            en_ligne = MetierPage.objects.live().public().order_by("title").select_related("image")
            return list(
                etapes.order_by("sort_order", "pk").prefetch_related(
                    Prefetch("metiers", queryset=en_ligne, to_attr="metiers_en_ligne")
                )
            )
        etapes = list(etapes)
        for etape in etapes:
            etape.metiers_en_ligne = sorted(
                (metier for metier in etape.metiers.all() if metier.live),
                key=lambda metier: metier.title,
            )
        return etapes


class EtapeObjet(Orderable, ClusterableModel):
    """One step of an objet's chain: what happens, and the trade(s) doing it."""

    page = ParentalKey("metiers.ObjetPage", on_delete=models.CASCADE, related_name="etapes")
    titre = models.CharField(
        _("titre"), max_length=255, help_text=_("Par exemple « Découper les tôles ».")
    )
    description = models.TextField(
        _("description"), help_text=_("Ce qui se passe à cette étape, en deux ou trois phrases.")
    )
    image = image_field()
    metiers = ParentalManyToManyField(
        "metiers.MetierPage",
        verbose_name=_("métiers"),
        blank=True,
        related_name="etapes_objets",
        help_text=_("Le ou les métiers qui réalisent cette étape."),
    )

    panels = [
        FieldPanel("titre"),
        FieldPanel("description"),
        FieldPanel("image"),
        FieldPanel("metiers", widget=forms.CheckboxSelectMultiple),
    ]
    api_fields = [
        APIField("titre"),
        APIField("description"),
        APIField("image"),
        APIField("metiers", serializer=PagesLieesSerializer()),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("étape")
        verbose_name_plural = _("étapes")

    def __str__(self):
        return self.titre
