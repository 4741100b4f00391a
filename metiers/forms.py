"""Admin forms of the trade pages: what the model alone cannot check or present well."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

ETAPES_MINIMUM = 2


class MetierPageForm(WagtailAdminPageForm):
    """Lists the related métiers by title, without the fiche itself."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Page models are ordered by tree path; an editor looks a métier up by its name.
        for name in ("metiers_proches", "filieres"):
            if name in self.fields:
                self.fields[name].queryset = self.fields[name].queryset.order_by("title")
        if "metiers_proches" in self.fields and self.instance.pk:
            proches = self.fields["metiers_proches"]
            proches.queryset = proches.queryset.exclude(pk=self.instance.pk)


class ObjetPageForm(WagtailAdminPageForm):
    """An objet is a chain from A to Z: it cannot be published with fewer than two steps.

    A draft may have fewer (Wagtail defers this check while saving drafts), so editors can
    write the chain step by step.
    """

    def is_valid(self):
        # Checked after the step formset's own validation, which runs after this form's clean().
        valide = super().is_valid()
        etapes = self.formsets.get("etapes")
        if self.is_deferred_validation or etapes is None or not etapes.is_valid():
            return valide
        restantes = [
            form
            for form in etapes.forms
            if form not in etapes.deleted_forms and (form.has_changed() or form.instance.pk)
        ]
        if len(restantes) >= ETAPES_MINIMUM:
            return valide
        message = _(
            "Pour publier un objet, décrivez au moins %(minimum)s étapes de sa fabrication "
            "(onglet « La chaîne »). Vous pouvez enregistrer un brouillon avec moins d'étapes."
        ) % {"minimum": ETAPES_MINIMUM}
        if message not in self.non_field_errors():
            self.add_error(None, message)
        return False
