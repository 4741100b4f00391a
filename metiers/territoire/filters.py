"""The filters of the map and of the agenda: plain GET forms, so every view has its own address."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from metiers.models import Entreprise, FilierePage, MetierPage

from . import geo
from .models import EvenementPage, Public


class FiltreForm(forms.Form):
    """Unknown values are reported, and the filter is then ignored rather than emptying the page."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-select")

    def valeurs(self) -> dict:
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v}

    lookups: dict[str, str] = {}  # filter name -> queryset lookup

    def filtrer(self, queryset):
        """The queryset narrowed by every valid filter that has a lookup."""
        for name, value in self.valeurs().items():
            if name in self.lookups:
                queryset = queryset.filter(**{self.lookups[name]: value})
        return queryset

    def query_string(self, **changes) -> str:
        """This view's address with some filters changed (None or "" removes one)."""
        params = QueryDict(mutable=True)
        for name in self.fields:
            value = changes[name] if name in changes else self.data.get(name)
            if value:
                params[name] = value
        return params.urlencode()


def choix_par_slug(label, queryset, vide):
    """A select of pages or rows by slug, its queryset evaluated per form (pages get published)."""
    return forms.ModelChoiceField(
        label=label, queryset=queryset, to_field_name="slug", required=False, empty_label=vide
    )


def champ_filiere():
    return choix_par_slug(_("Filière"), FilierePage.objects.none(), _("Toutes les filières"))


def champ_departement():
    return forms.ChoiceField(label=_("Département"), required=False)


def choix_departements():
    return [("", _("Toute la région"))] + [
        (d.code, f"{d.nom} ({d.code})") for d in geo.departements().values()
    ]


class CarteFiltres(FiltreForm):
    filiere = champ_filiere()
    metier = choix_par_slug(_("Métier"), MetierPage.objects.none(), _("Tous les métiers"))
    departement = champ_departement()
    # Free text with suggestions (a datalist the page writes): a select of every town took a
    # third of the page's rendering time with 500 companies, and is long to scroll on a phone.
    commune = forms.CharField(
        label=_("Commune"),
        required=False,
        max_length=120,
        widget=forms.TextInput(
            attrs={"list": "communes-carte", "autocomplete": "off", "class": "form-control"}
        ),
    )

    # The département is not a column of the companies: the view checks it against the commune.
    lookups = {"filiere": "filieres", "metier": "metiers", "commune": "ville__iexact"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["filiere"].queryset = FilierePage.objects.live().public().order_by("title")
        self.fields["metier"].queryset = MetierPage.objects.live().public().order_by("title")
        self.fields["departement"].choices = choix_departements()

    def villes(self) -> list[str]:
        """The towns that have companies: the suggestions of the commune field."""
        return list(Entreprise.objects.order_by("ville").values_list("ville", flat=True).distinct())


MOIS = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class AgendaFiltres(FiltreForm):
    type = forms.ChoiceField(label=_("Type"), required=False)
    public = choix_par_slug(_("Public"), Public.objects.all(), _("Tous les publics"))
    filiere = champ_filiere()
    departement = champ_departement()
    mois = forms.CharField(
        label=_("Mois"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "class": "form-control"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Tous les types")), *EvenementPage.Type.choices]
        self.fields["filiere"].queryset = FilierePage.objects.live().public().order_by("title")
        self.fields["departement"].choices = choix_departements()

    def clean_mois(self) -> date | None:
        value = self.cleaned_data["mois"]
        if not value:
            return None
        match = MOIS.match(value)
        if not match:
            raise forms.ValidationError(_("Un mois s'écrit AAAA-MM, par exemple 2026-03."))
        return date(int(match[1]), int(match[2]), 1)

    # INSEE codes start with the département's (the region has no Corsican 2A/2B).
    lookups = {
        "type": "type_evenement",
        "public": "publics",
        "filiere": "filieres",
        "departement": "code_commune__startswith",
    }
