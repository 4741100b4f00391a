"""Partners propose an event: a public form whose result waits in Wagtail's moderation workflow.

Nothing is published from here: the event becomes a draft page under the agenda, submitted to
the workflow that applies there (Wagtail's default "Moderators approval"), and an editor
approves it in the admin before anyone sees it.
"""

from __future__ import annotations

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Fieldset, Layout, Submit
from django import forms
from django.db import transaction
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_protect

from cms.slugs import ascii_slug
from metiers.models import FilierePage

from . import antispam, geo
from .models import EvenementPage, Public

DATE_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class PropositionForm(forms.Form):
    titre = forms.CharField(label=_("Titre de l'événement"), max_length=120, min_length=5)
    type_evenement = forms.ChoiceField(label=_("Type"), choices=EvenementPage.Type.choices)
    debut = forms.DateTimeField(label=_("Début"), widget=DATE_WIDGET)
    fin = forms.DateTimeField(label=_("Fin"), widget=DATE_WIDGET)
    lieu = forms.CharField(
        label=_("Lieu"), max_length=200, help_text=_("Le nom du lieu et son adresse.")
    )
    commune = forms.CharField(
        label=_("Commune"),
        max_length=120,
        help_text=_("Une commune de Bourgogne-Franche-Comté ou d'un département voisin."),
    )
    publics = forms.ModelMultipleChoiceField(
        label=_("Pour qui ?"), queryset=Public.objects.all(), widget=forms.CheckboxSelectMultiple
    )
    filieres = forms.ModelMultipleChoiceField(
        label=_("Filières présentées"),
        queryset=FilierePage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    description = forms.CharField(
        label=_("Description"),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=30,
        max_length=3000,
        help_text=_("Ce que les jeunes vont voir et faire, 3 000 caractères au plus."),
    )
    organisateur = forms.CharField(label=_("Votre organisation"), max_length=200)
    contact = forms.EmailField(
        label=_("Adresse électronique de contact"),
        help_text=_("Pour la relecture seulement : elle ne sera pas publiée."),
    )
    inscription = forms.URLField(
        label=_("Lien d'inscription (facultatif)"), required=False, assume_scheme="https"
    )
    # The honeypot: hidden from people by CSS and from screen readers, filled by robots.
    site_internet = forms.CharField(
        label=_("Ne remplissez pas ce champ"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    jeton = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["filieres"].queryset = FilierePage.objects.live().public().order_by("title")
        self.helper = FormHelper()
        self.helper.form_method = "post"
        self.helper.layout = Layout(
            Fieldset(_("L'événement"), "titre", "type_evenement", "description"),
            Fieldset(
                _("Quand et où"),
                Div(
                    Div("debut", css_class="col-sm-6"),
                    Div("fin", css_class="col-sm-6"),
                    css_class="row",
                ),
                "lieu",
                "commune",
            ),
            Fieldset(_("Le public"), "publics", "filieres"),
            Fieldset(_("Qui l'organise"), "organisateur", "contact", "inscription"),
            Div(Field("site_internet"), css_class="champ-piege", aria_hidden="true"),
            "jeton",
            Submit("envoyer", _("Proposer l'événement"), css_class="btn-lg"),
        )

    def clean_commune(self):
        nom = self.cleaned_data["commune"]
        found = geo.find_communes(nom)
        if not found:
            raise forms.ValidationError(
                _("Nous ne trouvons pas la commune « %(nom)s » dans la région ni autour."),
                params={"nom": nom},
            )
        self.commune_trouvee = found[0]
        return found[0].nom

    def clean(self):
        cleaned = super().clean()
        if self.data.get("site_internet"):
            raise forms.ValidationError(antispam.REFUS_ROBOT, code="robot")
        erreur = antispam.erreur_jeton(self.data.get("jeton", ""))
        if erreur:
            raise forms.ValidationError(erreur, code="jeton")
        debut, fin = cleaned.get("debut"), cleaned.get("fin")
        if debut and fin and fin < debut:
            self.add_error("fin", _("La fin doit venir après le début."))
        return cleaned


def _slug_libre(agenda, titre: str, debut) -> str:
    base = ascii_slug(f"{titre} {debut:%Y-%m-%d}")[:70] or "evenement"
    slug, n = base, 1
    while agenda.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def creer_brouillon(agenda, data: dict, commune: geo.Commune) -> EvenementPage:
    """A draft event under the agenda, submitted to its moderation workflow."""
    evenement = EvenementPage(
        title=data["titre"],
        slug=_slug_libre(agenda, data["titre"], data["debut"]),
        live=False,
        type_evenement=data["type_evenement"],
        debut=data["debut"],
        fin=data["fin"],
        lieu=data["lieu"],
        commune=commune.nom,
        code_commune=commune.code,
        description=data["description"],
        organisateur=data["organisateur"],
        contact=data["contact"],
        inscription=data["inscription"],
    )
    evenement.publics = list(data["publics"])
    evenement.filieres = list(data["filieres"])
    agenda.add_child(instance=evenement)
    evenement.save_revision()
    workflow = evenement.get_workflow()
    if workflow is not None:
        workflow.start(evenement, user=None)
    return evenement


@csrf_protect
def proposer(request, agenda):
    status = 200
    if request.method == "POST":
        if antispam.trop_gros(request):
            form, status = PropositionForm(initial={"jeton": antispam.nouveau_jeton()}), 413
            form.refus = antispam.REFUS_TAILLE
        elif antispam.depasse_le_debit(request):
            form, status = PropositionForm(initial={"jeton": antispam.nouveau_jeton()}), 429
            form.refus = antispam.REFUS_DEBIT
        else:
            form = PropositionForm(request.POST)
            if form.is_valid():
                creer_brouillon(agenda, form.cleaned_data, form.commune_trouvee)
                return redirect(agenda.get_url(request) + "proposer/merci/")
            status = 400
            # A fresh time stamp, so correcting the form does not count as "too fast".
            form.data = form.data.copy()
            form.data["jeton"] = antispam.nouveau_jeton()
    else:
        form = PropositionForm(initial={"jeton": antispam.nouveau_jeton()})
    response = agenda.render(
        request, template="territoire/proposer.html", context_overrides={"form": form}
    )
    response.status_code = status
    return response


def merci(request, agenda):
    return agenda.render(request, template="territoire/merci.html")
