"""The métiers index's catalogue: filters from the query string, the matching fiches, paginated.

Everything comes from a GET form, so filters combine, a result page can be bookmarked and shared
with a class, and nothing needs JavaScript. A value that makes no sense (an unknown filière, a
page number like "abc") is ignored rather than answered with an error page.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.utils.translation import gettext_lazy as _

from cms.search_text import clean_search_query

from .models import CentreInteret, FilierePage, Formation, MetierPage

METIERS_PAR_PAGE = 12
RECHERCHE_LONGUEUR_MAX = 100


class FiltresMetiers(forms.Form):
    q = forms.CharField(
        label=_("Mot-clé"),
        required=False,
        max_length=RECHERCHE_LONGUEUR_MAX,
        widget=forms.TextInput(attrs={"type": "search", "class": "form-control"}),
    )
    filiere = forms.ChoiceField(
        label=_("Filière"), required=False, widget=forms.Select(attrs={"class": "form-select"})
    )
    niveau = forms.ChoiceField(
        label=_("Niveau d'études"),
        required=False,
        choices=[("", _("Tous les niveaux")), *Formation.Niveau.choices],
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    centre = forms.ChoiceField(
        label=_("Centre d'intérêt"),
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )

    def __init__(self, data, *args, **kwargs):
        data = data.copy()
        # A pasted paragraph is still a search: keep its beginning rather than refuse it.
        data["q"] = clean_search_query(data.get("q"), RECHERCHE_LONGUEUR_MAX)
        super().__init__(data, *args, **kwargs)
        filieres = FilierePage.objects.live().public().order_by("title")
        self.fields["filiere"].choices = [
            ("", _("Toutes les filières")),
            *filieres.values_list("slug", "title"),
        ]
        centres = CentreInteret.objects.filter(metiers__live=True).distinct().order_by("libelle")
        self.fields["centre"].choices = [
            ("", _("Tous les centres d'intérêt")),
            *centres.values_list("slug", "libelle"),
        ]

    def filtres_valides(self) -> dict[str, str]:
        """The filters that make sense, without the ones that do not (they are ignored)."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}


@dataclass
class Catalogue:
    form: FiltresMetiers
    resultats: PaginatorPage
    filtres: dict[str, str]

    @property
    def total(self) -> int:
        return self.resultats.paginator.count

    @property
    def query_string(self) -> str:
        """The active filters, to carry over in the pagination links."""
        return urlencode(self.filtres)


def rechercher(metiers, texte: str):
    """Fiches matching a text: full words anywhere (title, accroche, appellations, code…) or
    the beginning of a word in the title or the appellations ("chaudron" finds Chaudronnier)."""
    trouves = MetierPage.objects.live()
    ids = {page.pk for page in trouves.search(texte, operator="and")}
    ids |= {page.pk for page in trouves.autocomplete(texte, operator="and")}
    return metiers.filter(pk__in=ids)


def filtrer(metiers, filtres: dict[str, str]):
    if "filiere" in filtres:
        metiers = metiers.filter(filieres__slug=filtres["filiere"], filieres__live=True)
    if "niveau" in filtres:
        metiers = metiers.filter(formations__niveau=filtres["niveau"])
    if "centre" in filtres:
        metiers = metiers.filter(centres_interet__slug=filtres["centre"])
    if "q" in filtres:
        metiers = rechercher(metiers, filtres["q"])
    return metiers.distinct()


def catalogue_metiers(index_page, query) -> Catalogue:
    form = FiltresMetiers(query)
    filtres = form.filtres_valides()
    metiers = MetierPage.objects.child_of(index_page).live().public()
    metiers = filtrer(metiers, filtres).order_by("title").select_related("image")
    resultats = Paginator(metiers, METIERS_PAR_PAGE).get_page(query.get("page"))
    return Catalogue(form=form, resultats=resultats, filtres=filtres)
