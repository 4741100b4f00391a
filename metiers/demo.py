"""Load the trade demo content (metiers.demo_data) into Wagtail, idempotently and fast.

`manage.py load_demo` runs this on every `make run`, so a second run must change nothing:
- pages are found by their slug under their index page, snippets by their unique name;
- a page gets a new revision only when the demo data differ from what it holds, and never once
  an editor has saved a revision of it: the editor's work wins over the demo;
- snippets are created when missing and then left to the editors (they keep no history, so the
  loader cannot tell an editor's change from an old version of the demo);
- pictures are drawn once, then found again by title (metiers.illustrations).
"""

from __future__ import annotations

import html
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Q
from wagtail.models import Page

from cms.models import HomePage

from . import demo_data as data
from . import demo_pictures as pictures
from .illustrations import Composition, alt_text, ensure_image
from .models import (
    Ambassadeur,
    CentreInteret,
    Entreprise,
    EtapeObjet,
    FiliereIndexPage,
    FilierePage,
    Formation,
    MetierIndexPage,
    MetierPage,
    ObjetIndexPage,
    ObjetPage,
)

# --- turning plain data into field values ------------------------------------------------------


def paragraphs(texts: Iterable[str]) -> str:
    return "".join(f"<p>{html.escape(text, quote=False)}</p>" for text in texts)


def groupes(items: Iterable[data.Groupe]) -> list[dict]:
    return [
        {"type": "groupe", "value": {"titre": g.titre, "elements": list(g.elements)}} for g in items
    ]


def chiffres(items: Iterable[data.ChiffreCle]) -> list[dict]:
    return [
        {
            "type": "chiffre",
            "value": {"chiffre": c.chiffre, "libelle": c.libelle, "source": c.source},
        }
        for c in items
    ]


def seed(key: str) -> int:
    """A stable seed per picture, so the same content always gets the same drawing."""
    return zlib.crc32(key.encode())


def illustration(title: str, filiere: data.FiliereDemo, key: str, main: str, satellites=()):
    """The demo picture `title`: `main` in the filière's colours, `satellites` around it."""
    composition = Composition(filiere.couleur, filiere.motif, main, tuple(satellites), seed(key))
    return ensure_image(title, composition, alt_text(composition, filiere.titre))


def _main_and_rest(names: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    return names[0], names[1:]


# --- pages: create when missing, publish when the demo data changed ----------------------------


@dataclass
class PageContent:
    """What the demo wants a page to hold."""

    fields: dict[str, object]  # plain, rich text and foreign key fields
    streams: dict[str, list] = field(default_factory=dict)  # raw StreamField data
    relations: dict[str, list] = field(default_factory=dict)  # ParentalManyToMany fields


def _without_ids(value):
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items() if k != "id"}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


def _stream_data(page: Page, name: str, raw=None) -> list:
    """A StreamField's content in one canonical form, block ids left out, to compare."""
    stream_field = page._meta.get_field(name)
    value = getattr(page, name) if raw is None else stream_field.to_python(raw)
    return _without_ids([child.get_prep_value() for child in value])


def _field_value(page: Page, name: str):
    model_field = page._meta.get_field(name)
    if model_field.is_relation:  # compare the key, without loading the related object
        return getattr(page, model_field.attname)
    return getattr(page, name)


def _differs(page: Page, content: PageContent) -> bool:
    for name, wanted in content.fields.items():
        if hasattr(wanted, "pk"):
            wanted = wanted.pk
        if _field_value(page, name) != wanted:
            return True
    for name, raw in content.streams.items():
        if _stream_data(page, name) != _stream_data(page, name, raw):
            return True
    for name, wanted in content.relations.items():
        if {obj.pk for obj in getattr(page, name).all()} != {obj.pk for obj in wanted}:
            return True
    return False


def _apply(page: Page, content: PageContent) -> None:
    for name, value in content.fields.items():
        setattr(page, name, value)
    for name, raw in content.streams.items():
        setattr(page, name, raw)
    for name, objects in content.relations.items():
        setattr(page, name, objects)


def edited_by_someone(page: Page) -> bool:
    """The loader saves its revisions without a user; a revision with one is an editor's."""
    revision = page.latest_revision
    return revision is not None and revision.user_id is not None


@dataclass
class Report:
    created: int = 0
    updated: int = 0
    kept: int = 0  # left alone because an editor changed them

    def __str__(self) -> str:
        text = f"{self.created} créée(s), {self.updated} mise(s) à jour"
        return f"{text}, {self.kept} laissée(s) telle(s) quelle(s) car modifiée(s) par un éditeur"


def create_if_missing(parent: Page, model, slug: str, content: PageContent, report: Report):
    page = model.objects.child_of(parent).filter(slug=slug).first()
    if page is None:
        page = model(slug=slug)
        _apply(page, content)
        parent.add_child(instance=page)
        report.created += 1
    return page


def publish_if_changed(page: Page, content: PageContent, report: Report, extra_change=False):
    """One revision for a page the loader just created or whose demo content changed."""
    if page.latest_revision_id is not None:
        if edited_by_someone(page):
            report.kept += 1
            return
        if not extra_change and not _differs(page, content):
            return
        report.updated += 1
    _apply(page, content)
    page.save_revision().publish()


def ensure_page(parent: Page, model, slug: str, content: PageContent, report: Report):
    page = create_if_missing(parent, model, slug, content, report)
    publish_if_changed(page, content, report)
    return page


# --- snippets: create when missing ---------------------------------------------------------------


def ensure_centres_interet() -> dict[str, CentreInteret]:
    """By the demo's slug. Both slug and libellé are unique: an editor may have changed one."""
    slugs = [c.slug for c in data.CENTRES_INTERET]
    libelles = [c.libelle for c in data.CENTRES_INTERET]
    found = list(CentreInteret.objects.filter(Q(slug__in=slugs) | Q(libelle__in=libelles)))
    by_slug = {c.slug: c for c in found}
    by_libelle = {c.libelle: c for c in found}
    centres = {}
    for demo in data.CENTRES_INTERET:
        centre = by_slug.get(demo.slug) or by_libelle.get(demo.libelle)
        if centre is None:
            centre = CentreInteret.objects.create(
                slug=demo.slug,
                libelle=demo.libelle,
                description=demo.description,
                code_rome_ogr=demo.code_rome_ogr,
            )
        centres[demo.slug] = centre
    return centres


def ensure_formations() -> dict[str, Formation]:
    by_name = {
        f.nom: f
        for f in Formation.objects.filter(nom__in=[f.nom for f in data.FORMATIONS.values()])
    }
    missing = [
        Formation(
            nom=f.nom,
            niveau=f.niveau,
            apprentissage_possible=f.apprentissage_possible,
            duree=f.duree,
            description=f.description,
        )
        for f in data.FORMATIONS.values()
        if f.nom not in by_name
    ]
    for formation in Formation.objects.bulk_create(missing):
        by_name[formation.nom] = formation
    return {key: by_name[f.nom] for key, f in data.FORMATIONS.items()}


def ensure_entreprises(filieres: dict[str, FilierePage]) -> dict[str, Entreprise]:
    by_name = {
        e.nom: e for e in Entreprise.objects.filter(nom__in=[e.nom for e in data.ENTREPRISES])
    }
    for demo in data.ENTREPRISES:
        if demo.nom in by_name:
            continue
        entreprise = Entreprise(
            nom=demo.nom, ville=demo.ville, latitude=demo.latitude, longitude=demo.longitude
        )
        entreprise.filieres = [filieres[slug] for slug in demo.filieres]
        entreprise.full_clean()
        entreprise.save()
        by_name[demo.nom] = entreprise
    return by_name


def ensure_ambassadeurs(metiers: dict[str, MetierPage], filieres: dict[str, data.FiliereDemo]):
    for demo in data.AMBASSADEURS:
        metier = metiers[demo.metier]
        if Ambassadeur.objects.filter(prenom=demo.prenom, metier=metier).exists():
            continue
        filiere = filieres[METIERS_BY_SLUG[demo.metier].filieres[0]]
        ambassadeur = Ambassadeur(
            prenom=demo.prenom,
            metier=metier,
            citation=demo.citation,
            photo=illustration(
                f"Témoignage : {demo.prenom}",
                filiere,
                f"ambassadeur-{demo.prenom}",
                pictures.METIERS[demo.metier][0],
            ),
            consentement_enregistre=demo.consentement_date is not None,
            consentement_date=demo.consentement_date,
        )
        ambassadeur.full_clean()
        ambassadeur.save()


# --- the pages of the demo ----------------------------------------------------------------------

METIERS_BY_SLUG = {m.slug: m for m in data.METIERS}


def index_content(demo: data.IndexDemo) -> PageContent:
    return PageContent(
        {
            "title": demo.titre,
            "introduction": paragraphs([demo.introduction]),
            "show_in_menus": True,
        }
    )


def ensure_index(home: HomePage, model, demo: data.IndexDemo, report: Report):
    # Each index type may exist once (max_count = 1): an editor may have renamed its slug.
    existing = model.objects.child_of(home).first()
    if existing is not None:
        publish_if_changed(existing, index_content(demo), report)
        return existing
    return ensure_page(home, model, demo.slug, index_content(demo), report)


def filiere_content(demo: data.FiliereDemo) -> PageContent:
    return PageContent(
        fields={
            "title": demo.titre,
            "accroche": demo.accroche,
            "presentation": paragraphs(demo.presentation),
            "couleur": demo.couleur,
            "image": illustration(
                demo.titre, demo, f"filiere-{demo.slug}", demo.motif, pictures.FILIERES[demo.slug]
            ),
        },
        streams={"chiffres_cles": chiffres(demo.chiffres)},
    )


def metier_content(demo: data.MetierDemo, links: Links, with_proches: bool) -> PageContent:
    filiere = links.filieres_demo[demo.filieres[0]]
    relations = {
        "formations": [links.formations[key] for key in demo.formations],
        "centres_interet": [links.centres[slug] for slug in demo.centres_interet],
        "filieres": [links.filieres[slug] for slug in demo.filieres],
        "entreprises": [
            links.entreprises[nom] for nom in data.ENTREPRISES_PAR_METIER.get(demo.slug, ())
        ],
    }
    if with_proches:
        relations["metiers_proches"] = [links.metiers[slug] for slug in demo.proches]
    return PageContent(
        fields={
            "title": demo.titre,
            "titre_masculin": demo.titre_masculin,
            "titre_feminin": demo.titre_feminin,
            "accroche": demo.accroche,
            "image": illustration(
                demo.titre,
                filiere,
                f"metier-{demo.slug}",
                *_main_and_rest(pictures.METIERS[demo.slug]),
            ),
            "description": paragraphs([demo.description]),
            "acces": paragraphs(demo.acces),
            "salaire_min": demo.salaire[0],
            "salaire_max": demo.salaire[1],
            "code_rome": demo.code_rome,
            "appellations": "\n".join(demo.appellations),
            "riasec": demo.riasec,
        },
        streams={
            "activites": [{"type": "liste", "value": list(demo.activites)}],
            "competences": groupes(demo.competences),
            "savoirs": groupes(demo.savoirs),
            "conditions": groupes(demo.conditions),
        },
        relations=relations,
    )


@dataclass
class Links:
    """Everything a fiche or an objet points to, by the keys demo_data uses."""

    filieres_demo: dict[str, data.FiliereDemo]
    filieres: dict[str, FilierePage]
    formations: dict[str, Formation]
    centres: dict[str, CentreInteret]
    entreprises: dict[str, Entreprise]
    metiers: dict[str, MetierPage] = field(default_factory=dict)


def ensure_metiers(index: MetierIndexPage, links: Links, report: Report) -> dict[str, MetierPage]:
    # Two passes: a fiche points to related fiches, which must all exist first.
    slugs = [m.slug for m in data.METIERS]
    ours = {p.slug: p for p in MetierPage.objects.child_of(index).filter(slug__in=slugs)}
    for demo in data.METIERS:
        page = ours.get(demo.slug)
        if page is None:
            # A fiche imported from the ROME may hold this code already (it is unique): the demo
            # then links to that fiche and leaves its content alone.
            page = MetierPage.objects.filter(code_rome=demo.code_rome).first()
        if page is None:
            content = metier_content(demo, links, with_proches=False)
            page = create_if_missing(index, MetierPage, demo.slug, content, report)
            ours[demo.slug] = page
        links.metiers[demo.slug] = page
    for demo in data.METIERS:
        if demo.slug in ours:
            publish_if_changed(
                ours[demo.slug], metier_content(demo, links, with_proches=True), report
            )
    return links.metiers


def objet_content(demo: data.ObjetDemo, links: Links) -> PageContent:
    filiere = links.filieres_demo[demo.filieres[0]]
    return PageContent(
        fields={
            "title": demo.titre,
            "accroche": demo.accroche,
            "introduction": paragraphs(demo.introduction),
            "image": illustration(
                demo.titre,
                filiere,
                f"objet-{demo.slug}",
                *_main_and_rest(pictures.OBJETS[demo.slug][0]),
            ),
        },
        relations={"filieres": [links.filieres[slug] for slug in demo.filieres]},
    )


def wanted_etapes(demo: data.ObjetDemo, links: Links) -> list[EtapeObjet]:
    filiere = links.filieres_demo[demo.filieres[0]]
    own, per_step = pictures.OBJETS[demo.slug]
    etapes = []
    for number, step in enumerate(demo.etapes, start=1):
        # A step the pictures do not list yet (data being edited) shows the objet's own.
        main = per_step[number - 1] if number <= len(per_step) else own[0]
        title = f"{demo.titre}, étape {number} : {step.titre}"
        # The objet's own pictograms go around each step's, minus the step's own.
        around = [name for name in own if name != main][:2]
        etape = EtapeObjet(
            titre=step.titre,
            description=step.description,
            image=illustration(title, filiere, f"objet-{demo.slug}-{number}", main, around),
            sort_order=number - 1,
        )
        etape.metiers = [links.metiers[slug] for slug in step.metiers]
        etapes.append(etape)
    return etapes


def _etapes_key(etapes: Iterable[EtapeObjet]) -> list[tuple]:
    return [
        (e.titre, e.description, e.image_id, sorted(m.pk for m in e.metiers.all())) for e in etapes
    ]


def ensure_objet(index: ObjetIndexPage, demo: data.ObjetDemo, links: Links, report: Report):
    content = objet_content(demo, links)
    etapes = wanted_etapes(demo, links)
    page = create_if_missing(index, ObjetPage, demo.slug, content, report)
    saved = EtapeObjet.objects.filter(page=page).order_by("sort_order").prefetch_related("metiers")
    steps_changed = _etapes_key(saved) != _etapes_key(etapes)
    if steps_changed or page.latest_revision_id is None:
        page.etapes = etapes
    publish_if_changed(page, content, report, extra_change=steps_changed)
    return page


# --- the home page's way in ---------------------------------------------------------------------


def ensure_home_cards(home: HomePage, indexes: list[tuple[Page, data.IndexDemo]]) -> bool:
    """Add a section of cards to the three indexes, unless the home page links to them already
    or an editor has taken the home page in hand."""
    linked = {
        card["page"].pk
        for block in home.body
        if block.block_type == "cards"
        for card in block.value["cards"]
        if card["page"] is not None
    }
    if {page.pk for page, _ in indexes} <= linked or edited_by_someone(home):
        return False
    cards = [{"title": demo.titre, "text": demo.carte, "page": page.pk} for page, demo in indexes]
    section = {"type": "cards", "value": {"title": data.CARTES_TITRE, "cards": cards}}
    home.body = [*home.body.raw_data, section]
    home.save_revision().publish()
    return True


# --- entry point ---------------------------------------------------------------------------------


@transaction.atomic
def load(stdout=None) -> None:
    started = time.perf_counter()
    home = HomePage.objects.get()
    report = Report()

    index_metiers = ensure_index(home, MetierIndexPage, data.INDEX_METIERS, report)
    index_filieres = ensure_index(home, FiliereIndexPage, data.INDEX_FILIERES, report)
    index_objets = ensure_index(home, ObjetIndexPage, data.INDEX_OBJETS, report)

    filieres_demo = {f.slug: f for f in data.FILIERES}
    filieres = {
        f.slug: ensure_page(index_filieres, FilierePage, f.slug, filiere_content(f), report)
        for f in data.FILIERES
    }
    links = Links(
        filieres_demo=filieres_demo,
        filieres=filieres,
        formations=ensure_formations(),
        centres=ensure_centres_interet(),
        entreprises=ensure_entreprises(filieres),
    )
    metiers = ensure_metiers(index_metiers, links, report)
    ensure_ambassadeurs(metiers, filieres_demo)
    for objet in data.OBJETS:
        ensure_objet(index_objets, objet, links, report)
    home_changed = ensure_home_cards(
        home,
        [
            (index_metiers, data.INDEX_METIERS),
            (index_filieres, data.INDEX_FILIERES),
            (index_objets, data.INDEX_OBJETS),
        ],
    )

    if stdout:
        elapsed = time.perf_counter() - started
        home_note = " ; cartes ajoutées à l'accueil" if home_changed else ""
        stdout.write(f"Métiers : pages {report}{home_note} ({elapsed:.1f} s).")
