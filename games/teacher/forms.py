"""The teacher space's forms, rendered with crispy-forms."""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Submit
from django import forms
from django.utils.translation import gettext_lazy as _

from games.spreadsheet.reading import MAX_FILE_BYTES


class QuizImportForm(forms.Form):
    title = forms.CharField(
        label=_("Titre du quiz"),
        max_length=255,
        help_text=_("Par exemple « Quiz : les métiers de l'aéronautique »."),
    )
    introduction = forms.CharField(
        label=_("Introduction"),
        max_length=600,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ce que les élèves vont découvrir, en deux ou trois phrases."),
    )
    fichier = forms.FileField(
        label=_("Tableur (XLSX ou CSV)"),
        help_text=_(
            "Colonnes : Question, Réponse 1 à Réponse 4, Bonne(s) réponse(s) (numéros, par "
            "exemple « 2 » ou « 1, 3 »), Temps (secondes), Image (nom d'une image de la "
            "médiathèque), Fiche (nom ou adresse d'une fiche métier). Le modèle de Kahoot convient."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False  # the template's form holds the CSRF token and enctype
        self.helper.disable_csrf = True

    def clean_fichier(self):
        upload = self.cleaned_data["fichier"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("Le fichier dépasse %(size)s Mo.") % {"size": MAX_FILE_BYTES // 1_000_000}
            )
        if not upload.name.lower().endswith((".xlsx", ".csv")):
            raise forms.ValidationError(_("Envoyez un fichier .xlsx ou .csv."))
        return upload


class ConfirmImportForm(forms.Form):
    """The second step: the teacher has seen the preview and creates the quiz."""

    token = forms.CharField(widget=forms.HiddenInput, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.add_input(Submit("creer", _("Créer le quiz"), css_class="button"))
