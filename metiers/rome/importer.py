"""Import of the ROME referential into Wagtail: draft fiches métiers and centres d'intérêt.

Three steps, so that an error writes nothing and ``--dry-run`` tells the truth:

1. read the referential (``load_referential`` is strict: one faulty file stops everything);
2. plan: load the database's state in a few queries (fiches by ROME code, their latest
   revision, centres d'intérêt) and decide field by field (``tracking``);
3. write the plan, in bulk and in one transaction (nothing in a dry run).

Why write "by hand" rather than ``add_child`` + ``save_revision``: 1,584 fiches through the
page-by-page API (tree, revision, search and reference index for each) take several minutes;
in bulk, the whole import takes a few seconds. What Wagtail would do is redone here, once for
all the fiches: treebeard paths and the parent's ``numchild``, ``url_path``, revision
(Wagtail's ``serializable_data``) and ``latest_revision``, the history log, the search index
(see ``_update_indexes`` for the reference index).

Existing fiche: the import adds a draft revision; it neither publishes nor unpublishes. On a
published fiche, the page row (the live content) stays as it is; on a draft, the imported
fields are written there too, so that the admin's listings and search show the current text.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from wagtail.models import COMMENTS_RELATION_NAME, Page, PageLogEntry, Revision
from wagtail.search.backends import get_search_backends

from cms.models import HomePage
from cms.slugs import ascii_slug
from metiers.models import CentreInteret, MetierIndexPage, MetierPage
from metiers.rome import mapping
from metiers.rome.model import Fiche, Referential
from metiers.rome.referential import load_referential
from metiers.rome.tracking import Decision, decide, fingerprint, next_memory

Progress = Callable[[str, int, int], None]

INDEX_SLUG = "metiers"
BATCH = 500


NO_HOME_PAGE = _lazy("Aucune page d'accueil : lancez « manage.py load_demo » avant l'import.")


class RomeImportError(Exception):
    """The import cannot run on this database (no home page…)."""


@dataclass
class ImportReport:
    version: str = ""
    domain: str | None = None
    dry_run: bool = False
    fiches: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    pages_with_kept_fields: int = 0
    fields_updated: Counter = field(default_factory=Counter)
    fields_kept: Counter = field(default_factory=Counter)
    kept: list[tuple[str, str]] = field(default_factory=list)  # (ROME code, field)
    links_skipped: int = 0
    centres_created: int = 0
    centres_completed: int = 0
    index_created: bool = False


@dataclass
class PagePlan:
    """What the import will do with one fiche."""

    code: str
    values: mapping.Values  # ROME values, links already filtered
    page: MetierPage | None = None  # None: a fiche to create
    content: dict | None = None  # latest revision of the existing fiche
    changes: dict[str, object] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)
    memory: dict[str, str] = field(default_factory=dict)
    memory_changed: bool = False

    @property
    def is_new(self) -> bool:
        return self.page is None

    @property
    def has_writes(self) -> bool:
        return self.is_new or bool(self.changes) or self.memory_changed


@dataclass
class _CentrePlan:
    code: str
    libelle: str
    description: str
    centre: CentreInteret | None  # existing (to complete) or None (to create)
    fill: dict[str, str] = field(default_factory=dict)


def import_rome(
    directory: str | Path,
    domain: str | None = None,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportReport:
    """Import ``directory``; raise ``RomeFormatError`` or ``RomeImportError`` having written nothing."""
    say = progress or (lambda stage, done, total: None)
    reading = _("Lecture des fichiers ROME")
    referential = load_referential(
        directory, domain, progress=lambda _name, done, total: say(reading, done, total)
    )
    with transaction.atomic():
        importer = _Importer(referential, dry_run, say)
        importer.plan()
        if not dry_run:
            importer.write()
        return importer.report


class _Importer:
    def __init__(self, referential: Referential, dry_run: bool, progress: Progress) -> None:
        self.referential = referential
        self.progress = progress
        self.now = timezone.now()
        self.report = ImportReport(
            version=referential.version,
            domain=referential.domain,
            dry_run=dry_run,
            fiches=len(referential.fiches),
        )
        self.pages: list[PagePlan] = []
        self.centres: list[_CentrePlan] = []

    # --- plan --------------------------------------------------------------------------

    def plan(self) -> None:
        fiches = self.referential.fiches
        self.centres = self._plan_centres()
        existing = {
            page.code_rome: page
            for page in MetierPage.objects.filter(code_rome__in=list(fiches)).order_by()
        }
        # Every ROME code present on the site: the possible targets of mobilités.
        self.page_codes: dict[int, str] = dict(
            MetierPage.objects.exclude(code_rome="").values_list("pk", "code_rome")
        )
        known_codes = set(self.page_codes.values()) | set(fiches)
        centre_codes = dict(
            CentreInteret.objects.exclude(code_rome_ogr="").values_list("pk", "code_rome_ogr")
        )
        contents = _latest_contents(existing.values())

        stage = _("Comparaison avec le site")
        for done, (code, fiche) in enumerate(fiches.items(), 1):
            values = self._values(fiche, known_codes)
            page = existing.get(code)
            if page is None:
                plan = PagePlan(code, values, memory=_first_memory(values))
                self.report.created += 1
            else:
                content = contents.get(page.pk) or page.serializable_data()
                plan = self._plan_update(code, values, page, content, centre_codes)
            self.pages.append(plan)
            self.progress(stage, done, len(fiches))
        self.report.index_created = not MetierIndexPage.objects.exists()
        if self.report.index_created and not HomePage.objects.exists():
            raise RomeImportError(NO_HOME_PAGE)

    def _values(self, fiche: Fiche, known_codes: set[str]) -> mapping.Values:
        values = mapping.fiche_values(fiche)
        targets = values["metiers_proches"]
        linked = [code for code in targets if code in known_codes]
        self.report.links_skipped += len(targets) - len(linked)
        values["metiers_proches"] = linked
        return values

    def _plan_update(self, code, values, page, content, centre_codes) -> PagePlan:
        current = mapping.content_values(content, centre_codes, self.page_codes)
        memory = mapping.memory_of(content)
        plan = PagePlan(code, values, page=page, content=content)
        new_memory: dict[str, str] = {}
        for name in mapping.IMPORTED_FIELDS:
            decision = decide(current[name], values[name], memory.get(name))
            if decision is Decision.WRITE:
                plan.changes[name] = values[name]
                self.report.fields_updated[name] += 1
            elif decision is Decision.KEEP:
                plan.kept.append(name)
                self.report.fields_kept[name] += 1
                self.report.kept.append((code, name))
            remembered = next_memory(memory, name, decision, values[name])
            if remembered is not None:
                new_memory[name] = remembered
        plan.memory = new_memory
        plan.memory_changed = new_memory != memory
        if plan.kept:
            self.report.pages_with_kept_fields += 1
        if plan.has_writes:
            self.report.updated += 1
        else:
            self.report.unchanged += 1
        return plan

    def _plan_centres(self) -> list[_CentrePlan]:
        """Centres d'intérêt by OGR code; an existing centre is only completed.

        Editors rewrite these labels for pupils: as on a hand-made fiche, the import only
        fills what is empty. A centre created by hand with the same label is tied to its code
        rather than duplicated.
        """
        by_code = {c.code_rome_ogr: c for c in CentreInteret.objects.exclude(code_rome_ogr="")}
        by_label = {c.libelle: c for c in CentreInteret.objects.filter(code_rome_ogr="")}
        plans = []
        for code, centre in sorted(self.referential.centres_interet.items()):
            key = str(code)
            description = (centre.definition or "").strip()
            existing = by_code.get(key) or by_label.get(centre.libelle)
            plan = _CentrePlan(key, centre.libelle, description, existing)
            if existing is None:
                self.report.centres_created += 1
            else:
                wanted = {"code_rome_ogr": key, "description": description}
                plan.fill = {k: v for k, v in wanted.items() if v and not getattr(existing, k)}
                if plan.fill:
                    self.report.centres_completed += 1
            plans.append(plan)
        return plans

    # --- writing -----------------------------------------------------------------------

    def write(self) -> None:
        self.centre_by_code = self._write_centres()
        self.index = self._ensure_index()
        self.metier_type = ContentType.objects.get_for_model(MetierPage)
        self.page_type = ContentType.objects.get_for_model(Page)
        # ROME code -> fiche (instance), for the « métiers proches » links
        self.page_by_code: dict[str, MetierPage] = {}
        created = self._create_pages([p for p in self.pages if p.is_new])
        updated = self._update_pages([p for p in self.pages if not p.is_new and p.has_writes])
        self._update_indexes([*created, *updated])

    def _write_centres(self) -> dict[str, CentreInteret]:
        taken = set(CentreInteret.objects.values_list("slug", flat=True))
        result = {}
        for plan in self.centres:
            centre = plan.centre
            if centre is None:
                centre = CentreInteret(
                    libelle=plan.libelle,
                    slug=_unique_slug(
                        ascii_slug(plan.libelle)[:240] or plan.code, plan.code, taken
                    ),
                    description=plan.description,
                    code_rome_ogr=plan.code,
                )
                centre.save()
            elif plan.fill:
                for name, value in plan.fill.items():
                    setattr(centre, name, value)
                centre.save(update_fields=list(plan.fill))
            result[plan.code] = centre
        return result

    def _ensure_index(self) -> MetierIndexPage:
        """The métiers index, created published when missing: empty, it shows nothing, and a draft
        index would hide the fiches that editors will publish."""
        index = MetierIndexPage.objects.first()
        if index is not None:
            return index
        home = HomePage.objects.first()
        if home is None:
            raise RomeImportError(NO_HOME_PAGE)
        index = MetierIndexPage(title=_("Métiers"), slug=INDEX_SLUG)
        home.add_child(instance=index)
        index.save_revision().publish()
        return index

    def _create_pages(self, plans: list[PagePlan]) -> list[MetierPage]:
        if not plans:
            self.page_by_code.update(
                {p.code_rome: p for p in MetierPage.objects.filter(code_rome__in=self._targets())}
            )
            return []
        index = Page.objects.get(pk=self.index.pk)  # path and numchild up to date
        last = index.get_last_child()
        first_step = last._get_lastpos_in_path() + 1 if last else 1
        taken = set(index.get_children().values_list("slug", flat=True))
        metiers: list[MetierPage] = []
        for offset, plan in enumerate(plans):
            metier = self._new_page(plan, index, first_step + offset, taken)
            metiers.append(metier)
            self.page_by_code[plan.code] = metier

        # 1. The wagtailcore_page rows, in bulk; then the fiche's rows, one by one:
        #    Django refuses bulk_create on a child model (multi-table inheritance).
        page_fields = [f.attname for f in Page._meta.concrete_fields if not f.primary_key]
        rows = [Page(**{name: getattr(m, name) for name in page_fields}) for m in metiers]
        Page.objects.bulk_create(rows, batch_size=BATCH)
        for row, metier in zip(rows, metiers, strict=True):
            metier.pk = metier.page_ptr_id = row.pk
            metier.page_ptr = row
            # raw: the parent row exists already; the signals (search, references) ignore
            # raw saves, the index is updated at the end of the import.
            metier.save_base(raw=True, force_insert=True)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + len(metiers))

        # 2. The links (existing fiches first, for the mobilités towards them).
        self.page_by_code.update(
            {
                p.code_rome: p
                for p in MetierPage.objects.filter(code_rome__in=self._targets())
                if p.code_rome not in self.page_by_code
            }
        )
        for plan, metier in zip(plans, metiers, strict=True):
            self._set_links(metier, plan.values)
        self._insert_links([(m, plan.values) for plan, m in zip(plans, metiers, strict=True)])

        # 3. One revision per fiche, the page's latest revision, the history log.
        self._save_revisions(
            [(m, m.serializable_data()) for m in metiers], action="wagtail.create", rows=metiers
        )
        return metiers

    def _targets(self) -> set[str]:
        return {code for p in self.pages for code in p.values["metiers_proches"]}

    def _new_page(self, plan: PagePlan, index: Page, step: int, taken: set[str]) -> MetierPage:
        values = plan.values
        base = ascii_slug(values["titre_masculin"] or values["title"])[:200] or plan.code.lower()
        slug = _unique_slug(base, plan.code.lower(), taken)
        metier = MetierPage(
            title=values["title"],
            draft_title=values["title"],
            slug=slug,
            content_type=self.metier_type,
            path=MetierPage._get_path(index.path, index.depth + 1, step),
            depth=index.depth + 1,
            numchild=0,
            url_path=f"{index.url_path}{slug}/",
            locale_id=index.locale_id,
            translation_key=uuid.uuid4(),
            live=False,
            has_unpublished_changes=True,
            latest_revision_created_at=self.now,
            code_rome=plan.code,
            rome_import=plan.memory,
        )
        for name in mapping.IMPORTED_FIELDS:
            if name not in mapping.LINK_FIELDS:
                setattr(metier, name, _field_value(name, values[name]))
        # A new fiche has no comment and no other link: saying so in memory spares
        # serializable_data() four queries per fiche to check it.
        setattr(metier, COMMENTS_RELATION_NAME, [])
        for m2m in MetierPage._meta.many_to_many:
            if m2m.name not in mapping.LINK_FIELDS:
                setattr(metier, m2m.name, [])
        return metier

    def _set_links(self, metier: MetierPage, values: mapping.Values) -> None:
        """The links in memory (modelcluster), so that the revision holds them."""
        metier.centres_interet = [self.centre_by_code[c] for c in values["centres_interet"]]
        metier.metiers_proches = [self.page_by_code[c] for c in values["metiers_proches"]]

    def _insert_links(self, items: Iterable[tuple[MetierPage, mapping.Values]]) -> None:
        through_rows: dict[str, list] = {name: [] for name in mapping.LINK_FIELDS}
        for metier, values in items:
            targets = {
                "centres_interet": [self.centre_by_code[c].pk for c in values["centres_interet"]],
                "metiers_proches": [self.page_by_code[c].pk for c in values["metiers_proches"]],
            }
            for name, pks in targets.items():
                through, source, target = _through(name)
                through_rows[name].extend(
                    through(**{f"{source}_id": metier.pk, f"{target}_id": pk}) for pk in pks
                )
        for name, rows in through_rows.items():
            _through(name)[0].objects.bulk_create(rows, batch_size=BATCH)

    def _save_revisions(
        self, items: list[tuple[MetierPage, dict]], action: str, rows: list[MetierPage]
    ) -> None:
        revisions = [
            Revision(
                content_type_id=self.metier_type.pk,
                base_content_type_id=self.page_type.pk,
                object_id=str(metier.pk),
                content=content,
                object_str=content["title"],
                created_at=self.now,
            )
            for metier, content in items
        ]
        Revision.objects.bulk_create(revisions, batch_size=BATCH)
        for row, revision in zip(rows, revisions, strict=True):
            row.latest_revision_id = revision.pk
            row.latest_revision_created_at = self.now
            row.draft_title = revision.object_str
            row.has_unpublished_changes = True
        Page.objects.bulk_update(
            [Page(pk=r.pk, **_page_state(r)) for r in rows], list(_page_state(rows[0])), BATCH
        )
        PageLogEntry.objects.bulk_create(
            [
                PageLogEntry(
                    content_type_id=self.metier_type.pk,
                    page_id=metier.pk,
                    label=revision.object_str,
                    action=action,
                    revision_id=revision.pk,
                    content_changed=True,
                    timestamp=self.now,
                    data={},
                )
                for (metier, _content), revision in zip(items, revisions, strict=True)
            ],
            batch_size=BATCH,
        )

    def _update_pages(self, plans: list[PagePlan]) -> list[MetierPage]:
        """One draft revision per changed fiche; the row itself is written only for drafts."""
        if not plans:
            return []
        items = []
        drafts: list[PagePlan] = []
        for plan in plans:
            content = dict(plan.content)
            for name, value in plan.changes.items():
                content[name] = self._revision_value(name, value)
            content["rome_import"] = plan.memory
            content["draft_title"] = content["title"]
            items.append((plan.page, content))
            if not plan.page.live:
                drafts.append(plan)
        self._save_revisions(items, action="wagtail.edit", rows=[p.page for p in plans])

        # Drafts: the row follows the revision for the fields the import wrote.
        by_fields: dict[tuple[str, ...], list[MetierPage]] = {}
        link_changes: list[tuple[MetierPage, mapping.Values]] = []
        for plan in drafts:
            page = plan.page
            for name, value in plan.changes.items():
                if name not in mapping.LINK_FIELDS:
                    setattr(page, name, _field_value(name, value))
            page.rome_import = plan.memory
            columns = [n for n in plan.changes if n not in mapping.LINK_FIELDS]
            by_fields.setdefault((*columns, "rome_import"), []).append(page)
            links = {n: v for n, v in plan.changes.items() if n in mapping.LINK_FIELDS}
            if links:
                link_changes.append((page, links))
        for columns, pages in by_fields.items():
            MetierPage.objects.bulk_update(pages, list(columns), batch_size=BATCH)
        self._replace_links(link_changes)
        return [plan.page for plan in drafts]

    def _revision_value(self, name: str, value: object) -> object:
        """A comparable value in the form a Wagtail revision stores it."""
        if name == "centres_interet":
            return [self.centre_by_code[c].pk for c in value]
        if name == "metiers_proches":
            return [self.page_by_code[c].pk for c in value]
        if name in mapping.GROUP_FIELDS:
            # As StreamField.value_to_string does: a JSON string in the revision.
            return MetierPage._meta.get_field(name).get_prep_value(mapping.stream_data(value))
        return value

    def _replace_links(self, changes: list[tuple[MetierPage, dict]]) -> None:
        for name in mapping.LINK_FIELDS:
            pages = [page for page, links in changes if name in links]
            if not pages:
                continue
            through, source, _target = _through(name)
            through.objects.filter(**{f"{source}_id__in": [p.pk for p in pages]}).delete()
        self._insert_links(
            (page, {n: links.get(n, []) for n in mapping.LINK_FIELDS}) for page, links in changes
        )

    def _update_indexes(self, pages: list[MetierPage]) -> None:
        """The search index, in one pass for every fiche written.

        The reference index ("usage" in the admin) is left alone: the fields the import
        writes hold no reference it follows (text, groups of text, M2M links it ignores), and
        the import never replaces a field an editor may have linked to something else.
        Rebuilding it cost 4 ms per fiche to write no row at all (measured on v460).
        """
        if not pages:
            return
        stage = _("Index de recherche")
        fresh = list(MetierPage.objects.filter(pk__in=[p.pk for p in pages]))
        for backend in get_search_backends(with_auto_update=True):
            for start in range(0, len(fresh), BATCH):
                backend.add_bulk(MetierPage, fresh[start : start + BATCH])
                self.progress(stage, min(start + BATCH, len(fresh)), len(fresh))


# --- small helpers -------------------------------------------------------------------------


def _latest_contents(pages: Iterable[MetierPage]) -> dict[int, dict]:
    """fiche pk -> content of its latest revision (what the editor sees)."""
    ids = [p.latest_revision_id for p in pages if p.latest_revision_id]
    contents: dict[int, dict] = {}
    for start in range(0, len(ids), BATCH):
        batch = Revision.objects.filter(pk__in=ids[start : start + BATCH])
        for object_id, content in batch.values_list("object_id", "content"):
            contents[int(object_id)] = content
    return contents


def _first_memory(values: mapping.Values) -> dict[str, str]:
    return {name: fingerprint(values[name]) for name in mapping.IMPORTED_FIELDS}


def _field_value(name: str, value: object) -> object:
    """A comparable value in the form of a model attribute."""
    if name in mapping.GROUP_FIELDS:
        return mapping.stream_data(value)
    return value


def _page_state(page: MetierPage) -> dict:
    return {
        "latest_revision_id": page.latest_revision_id,
        "latest_revision_created_at": page.latest_revision_created_at,
        "draft_title": page.draft_title,
        "has_unpublished_changes": page.has_unpublished_changes,
    }


def _through(name: str):
    """(through model, fiche column, target column) of an M2M link."""
    m2m = MetierPage._meta.get_field(name)
    return m2m.remote_field.through, m2m.m2m_field_name(), m2m.m2m_reverse_field_name()


def _unique_slug(base: str, suffix: str, taken: set[str]) -> str:
    slug = base
    if slug in taken:
        slug = f"{base}-{suffix}"
    counter = 2
    while slug in taken:
        slug = f"{base}-{suffix}-{counter}"
        counter += 1
    taken.add(slug)
    return slug
