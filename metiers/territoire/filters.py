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

    def query_string(self, **changes) -> str:
        """This view's address with some filters changed (None or "" removes one)."""
        params = QueryDict(mutable=True)
        for name in self.fields:
            value = changes[name] if name in changes else self.data.get(name)
            if value:
                params[name] = value
        return params.urlencode()


def _filieres():
    return FilierePage.objects.live().public().order_by("title")


class CarteFiltres(FiltreForm):
    filiere = forms.ModelChoiceField(
        label=_("Filière"),
        queryset=FilierePage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Toutes les filières"),
    )
    metier = forms.ModelChoiceField(
        label=_("Métier"),
        queryset=MetierPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les métiers"),
    )
    departement = forms.ChoiceField(label=_("Département"), required=False)
    commune = forms.ChoiceField(label=_("Commune"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["filiere"].queryset = _filieres()
        self.fields["metier"].queryset = MetierPage.objects.live().public().order_by("title")
        self.fields["departement"].choices = [("", _("Toute la région"))] + [
            (d.code, f"{d.nom} ({d.code})") for d in geo.departements().values()
        ]
        villes = Entreprise.objects.order_by("ville").values_list("ville", flat=True).distinct()
        self.fields["commune"].choices = [("", _("Toutes les communes"))] + [(v, v) for v in villes]


MOIS = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")


class AgendaFiltres(FiltreForm):
    type = forms.ChoiceField(label=_("Type"), required=False)
    public = forms.ModelChoiceField(
        label=_("Public"),
        queryset=Public.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les publics"),
    )
    filiere = forms.ModelChoiceField(
        label=_("Filière"),
        queryset=FilierePage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("Toutes les filières"),
    )
    departement = forms.ChoiceField(label=_("Département"), required=False)
    mois = forms.CharField(
        label=_("Mois"),
        required=False,
        max_length=7,
        widget=forms.TextInput(attrs={"type": "month", "class": "form-control"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["type"].choices = [("", _("Tous les types")), *EvenementPage.Type.choices]
        self.fields["filiere"].queryset = _filieres()
        self.fields["departement"].choices = [("", _("Toute la région"))] + [
            (d.code, f"{d.nom} ({d.code})") for d in geo.departements().values()
        ]

    def clean_mois(self) -> date | None:
        value = self.cleaned_data["mois"]
        if not value:
            return None
        match = MOIS.match(value)
        if not match:
            raise forms.ValidationError(_("Un mois s'écrit AAAA-MM, par exemple 2026-03."))
        return date(int(match[1]), int(match[2]), 1)

    def evenements(self, queryset):
        """Filter a queryset of EvenementPage with the valid filters (the month aside)."""
        valeurs = self.valeurs()
        if "type" in valeurs:
            queryset = queryset.filter(type_evenement=valeurs["type"])
        if "public" in valeurs:
            queryset = queryset.filter(publics=valeurs["public"])
        if "filiere" in valeurs:
            queryset = queryset.filter(filieres=valeurs["filiere"])
        if "departement" in valeurs:
            queryset = queryset.filter(code_commune__startswith=valeurs["departement"])
        return queryset
