"""Admin forms of the trade pages: what the model alone cannot check or present well."""

from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from cms.slugs import ascii_slug

ETAPES_MINIMUM = 2


# What a fiche needs before students see it: the field, and what the editor is told.
ESSENTIELS = {
    "description": _("la définition (onglet « L'essentiel »)"),
    "filieres": _("au moins une filière (onglet « Liens »)"),
    "image": _("une photo (onglet « L'essentiel »)"),
}


def essentiels_manquants(cleaned_data) -> list[str]:
    """The essentials a fiche lacks, by field name."""
    missing = []
    if not strip_tags(cleaned_data.get("description") or "").strip():
        missing.append("description")
    if not cleaned_data.get("filieres"):
        missing.append("filieres")
    if not cleaned_data.get("image"):
        missing.append("image")
    return missing


class MetierPageForm(WagtailAdminPageForm):
    """Lists the related métiers by title, without the fiche itself; refuses to publish a fiche
    without its essentials (a draft may wait for them: Wagtail defers this check for drafts)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Page models are ordered by tree path; an editor looks a métier up by its name.
        for name in ("metiers_proches", "filieres"):
            if name in self.fields:
                self.fields[name].queryset = self.fields[name].queryset.order_by("title")
        if "metiers_proches" in self.fields and self.instance.pk:
            proches = self.fields["metiers_proches"]
            proches.queryset = proches.queryset.exclude(pk=self.instance.pk)

    def clean_slug(self):
        # The admin's script already transliterates titles (WAGTAIL_ALLOW_UNICODE_SLUGS off);
        # a slug typed or pasted by hand is folded the same way here.
        return ascii_slug(self.cleaned_data.get("slug", "")) or self.cleaned_data.get("slug")

    def clean(self):
        cleaned_data = super().clean()
        if self.is_deferred_validation:
            return cleaned_data
        missing = [name for name in essentiels_manquants(cleaned_data) if name in self.fields]
        if missing:
            self.add_error(
                None,
                _("Pour publier cette fiche, il manque : %(liste)s.")
                % {"liste": ", ".join(str(ESSENTIELS[name]) for name in missing)},
            )
            for name in missing:
                self.add_error(name, _("Nécessaire pour publier la fiche."))
        return cleaned_data


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
