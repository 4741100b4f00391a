"""The student's forms (PIN, nickname), laid out with django-crispy-forms.

Fields render through one field template made for phones (games/forms/play_field.html: big
label, help and error tied to the input by Django's aria-describedby ids, the error announced);
buttons are plain <button>s with the play screens' classes, not Bootstrap's .btn.
"""

from __future__ import annotations

from crispy_forms.bootstrap import StrictButton
from crispy_forms.helper import FormHelper
from crispy_forms.layout import Layout
from django import forms
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from games.moderation.nicknames import MAX_LENGTH as NICKNAME_MAX_LENGTH

PIN_DIGITS = 6


class PlayButton(StrictButton):
    """A full-width submit button of the play screens (no Bootstrap .btn: its hover colours
    would fight ours)."""

    field_classes = "play-button"

    def __init__(self, content, *, primary: bool = False, **attrs):
        variant = "play-button--primary" if primary else "play-button--secondary"
        super().__init__(content, type="submit", css_class=variant, **attrs)


def play_helper(*layout, action: str = "") -> FormHelper:
    """A POST form of the play pages: our field template, browser validation off (the server
    explains every refusal in French, next to the field)."""
    helper = FormHelper()
    helper.form_method = "post"
    helper.form_action = action
    helper.form_class = "play-form"
    helper.attrs = {"novalidate": ""}
    helper.field_template = "games/forms/play_field.html"
    helper.layout = Layout(*layout)
    return helper


class PinForm(forms.Form):
    pin = forms.CharField(
        label=_("Code PIN"),
        max_length=20,  # spaces are allowed while typing: « 482 913 »
        error_messages={"required": _("Tape le code PIN affiché au tableau.")},
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "off", "class": "pin-input"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = play_helper(
            "pin",
            PlayButton(_("Rejoindre"), primary=True),
            action=reverse("games:join"),
        )

    def clean_pin(self) -> str:
        digits = "".join(self.cleaned_data["pin"].split())
        if not (digits.isascii() and digits.isdigit() and len(digits) == PIN_DIGITS):
            raise forms.ValidationError(_("Le code PIN a 6 chiffres, par exemple 482913."))
        return digits

    @classmethod
    def refused(cls, pin: str, message) -> PinForm:
        """The form filled in with `pin`, showing `message` (a refusal that is not about the
        PIN's format: unknown game, too many tries) as the field's only error."""
        form = cls(data={"pin": pin})
        form.is_valid()
        form.errors.pop("pin", None)
        form.add_error("pin", message)
        return form


class NicknameForm(forms.Form):
    nickname = forms.CharField(
        label=_("Ton pseudo"),
        max_length=NICKNAME_MAX_LENGTH,
        error_messages={"required": _("Choisis un pseudo pour jouer.")},
        help_text=format_lazy(
            _("{max} caractères au plus, sans ton vrai nom."), max=NICKNAME_MAX_LENGTH
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "words"}),
    )
    suggest_label = _("Choisir pour moi")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = play_helper(
            *self.layout_fields(),
            PlayButton(_("C'est parti !"), primary=True),
            PlayButton(self.suggest_label, name="suggest", value="1", formnovalidate=""),
        )

    def layout_fields(self) -> list:
        """What the form asks, above its buttons; a game kind's join form adds its own."""
        return ["nickname"]
