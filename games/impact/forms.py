"""The dashboard's filters and the class context a teacher types (crispy-forms layouts)."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from games.impact.departements import DEPARTEMENT_CHOICES
from games.impact.figures import Filters
from games.impact.models import Level, SessionImpact
from games.kinds.registry import choices as kind_choices

ANY = [("", _("Tous"))]


class FilterForm(forms.Form):
    start = forms.DateField(
        label=_("Du"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("Au"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    kind = forms.ChoiceField(
        label=_("Type de jeu"), choices=lambda: ANY + kind_choices(), required=False
    )
    level = forms.ChoiceField(label=_("Niveau"), choices=ANY + Level.choices, required=False)
    departement = forms.ChoiceField(
        label=_("Département"), choices=ANY + DEPARTEMENT_CHOICES, required=False
    )
    event = forms.CharField(label=_("Événement"), required=False, max_length=120)
    without_demo = forms.BooleanField(label=_("Sans les données de démonstration"), required=False)

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("La date de début est après la date de fin."))
        return cleaned

    def filters(self) -> Filters:
        """The filters to apply; call after is_valid() (an invalid form filters nothing)."""
        data = self.cleaned_data if self.is_valid() else {}
        return Filters(
            start=data.get("start"),
            end=data.get("end"),
            kind=data.get("kind", ""),
            level=data.get("level", ""),
            departement=data.get("departement", ""),
            event=data.get("event", "").strip(),
            without_demo=data.get("without_demo", False),
        )


class SessionContextForm(forms.ModelForm):
    """Who played, as a class: never a student's name."""

    class Meta:
        model = SessionImpact
        fields = ["level", "etablissement", "commune", "departement", "event"]
        help_texts = {
            "etablissement": _("Par exemple : Collège Jean Moulin. Jamais le nom d'un élève."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.add_input(Submit("save", _("Enregistrer"), css_class="btn-lg"))
