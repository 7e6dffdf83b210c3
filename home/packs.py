"""Content packs: a partnership's content as data files (YAML), loaded through the same Wagtail
APIs editors use: pages are added under their parent and published from a revision (or left a
draft, scheduled, or sent into their workflow); snippets with revisions are saved as the admin
saves them; settings and the starter's pages are filled in where they are empty.

A pack is a folder with `pack.yaml` (the partnership's name, the day its dates were written for,
and its files in the order they load) and the files, each a list of entries. An entry starts
with what it makes:

    - page: areas.AreaPage            # a page, under `parent` (a path: /areas/)
      parent: /areas/
      slug: coalville
      title: Coalville
      council: North West Leicestershire District Council

    - snippet: plans.Partner          # a record (snippet); known by its slug, name or title
    - complete: /about/               # a page the starter made: fill in what is empty
    - change: campaigns.ReportingRoute  # records the starter made, picked by `where`: set the
      where: {organisation: Police}     # fields given, add the inline children they lack
    - settings: home.SiteSettings     # the site's settings: fill in what is empty
    - image: Coalville clock tower    # an image drawn by the project or shipped in the pack
    - document: Plan on a page        # a PDF made from lines of text, or shipped in the pack
    - grant: Comms team               # page permissions for a team
    - user: comms                     # a demonstration login (only where settings allow it)

Everything else in an entry is a field of the model. A related record is named by its natural
key, never a database id: a page by its path as the pack writes it (or a unique slug), a snippet
or tag by its slug, reference, name or title, an image or document by its title. Inline children
(a plan's indicators, an action's progress updates) and records pointing at a page (a priority's
actions) are lists of mappings. StreamFields are lists of one-key mappings, `- text: <p>…</p>`.

Dates: a pack is written as of one day (`written`) and moves with the day it is loaded, so that
it never empties. Each entry says how with `dates`:

- `recent` (the default): whole years, so that what had happened by `written` is still recent;
- `plan`: whole years, so that the financial year holding `written` is the current one (years in
  the words, "2026/27", move too);
- `next: <field>`: the days that make `field` the next time its date comes round, on the same
  day of the week (for one-off events and anything scheduled);
- `ahead: <field>`: the whole years that put `field` after the day it is loaded (a campaign
  whose go-live or expiry was still to come);
- `fixed`: not moved (history).

Years in the words move with the dates from the year before `written` (or from
`years_in_words_from` in pack.yaml, or `years_from` on an entry: an indicator's five years of
figures) on; earlier years are history and stay. A scheduled entry's times stay ahead of the
clock, too: loaded as of a day gone by, it would otherwise go live at once.

An inline child or related record may say `dates` for itself (a change to a repeating event
that comes round each year). After its dates move, each page goes to the hooks registered as
`home.registry.PACK_PAGE_DATES_MOVED`, so that an app can keep what its dates mean (events put
their changes back on the event's own dates).

Any entry or inline child with `from: <date>` is left out until that date (after moving): a
quarter's progress appears once the quarter is reported. `state` is live (the default), draft,
scheduled (with `go_live_at`) or in moderation (submitted to the page's workflow by `user`);
`published_at` dates the first publication as feeds show it.

Idempotent: an entry whose page or record exists (by its natural key) is left as it is, so a
second load changes nothing and what editors changed is kept.
"""

import io
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.images import ImageFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import get_all_child_relations
from wagtail import blocks, hooks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import DraftStateMixin, Page, Revision, RevisionMixin, Site
from wagtail.snippets.blocks import SnippetChooserBlock

from home.drawings import MOTIFS, drawing
from home.ensure import ensure_image, ensure_pdf, grant, site_home
from home.registry import PACK_PAGE_DATES_MOVED
from home.relative_dates import coming, dated, financial_year, moved_years, years_ahead, years_back

LONDON = ZoneInfo("Europe/London")
PACKS = Path(settings.BASE_DIR) / "packs"
DEMO_PASSWORD = "changeme"

# The fields that name a record, tried in this order.
NATURAL_KEYS = ("slug", "reference", "username", "name", "title", "description")
KINDS = ("page", "snippet", "complete", "change", "settings", "image", "document", "grant", "user")
DIRECTIVES = {
    *KINDS, "parent", "state", "dates", "years_from", "from", "published_at", "by", "where"
}  # fmt: skip
STATES = ("live", "draft", "scheduled", "in moderation")


class PackError(Exception):
    """A pack that cannot be loaded as written: says which file and entry, and why."""


def pack_folder(name_or_path):
    """A pack by its folder, or by its name among the packs this project ships (packs/)."""
    path = Path(name_or_path)
    if not (path / "pack.yaml").exists():
        path = PACKS / name_or_path
    if not (path / "pack.yaml").exists():
        shipped = ", ".join(sorted(p.name for p in PACKS.iterdir() if (p / "pack.yaml").exists()))
        raise PackError(f"No pack at {name_or_path}: give a folder with a pack.yaml ({shipped}).")
    return path


def read_pack(folder):
    """The pack's description (pack.yaml) as a mapping, with its folder."""
    folder = pack_folder(folder)
    description = read_yaml(folder / "pack.yaml")
    for key in ("name", "short_name", "written", "files"):
        if key not in description:
            raise PackError(f"{folder / 'pack.yaml'}: `{key}` is missing.")
    return {**description, "folder": folder}


def read_yaml(path):
    try:
        with open(path, encoding="utf-8") as file:
            return yaml.safe_load(file)
    except (OSError, yaml.YAMLError) as error:
        raise PackError(f"{path}: {error}") from error


class Loader:
    """Loads one pack's files, in order, as of `today`."""

    def __init__(self, pack, today, with_users=True, say=print):
        self.pack = pack
        self.folder = pack["folder"]
        self.written = pack["written"]
        self.today = today
        self.with_users = with_users and settings.DEMO_USERS_ALLOWED
        self.say = say
        self.root_path = site_home().url_path
        # What this load has met, by the key the pack wrote (before its dates moved).
        self.pages = {}
        self.records = {}
        self.counts = {}

    def load(self):
        for name in self.pack["files"]:
            path = self.folder / name
            entries = read_yaml(path) or []
            if not isinstance(entries, list):
                raise PackError(f"{path}: expected a list of entries.")
            for number, entry in enumerate(entries, start=1):
                try:
                    self.load_entry(entry)
                except PackError as error:
                    raise PackError(f"{path}, entry {number}: {error}") from error
                except (LookupError, ValueError, TypeError, ValidationError) as error:
                    raise PackError(f"{path}, entry {number}: {error!r}") from error
        return self.counts

    def load_entry(self, entry):
        kinds = [kind for kind in KINDS if kind in entry]
        if len(kinds) != 1:
            raise PackError(f"an entry starts with one of {', '.join(KINDS)}.")
        kind = kinds[0]
        move = self.mover(entry)
        if "from" in entry and move(entry["from"]) > self.today:
            return
        getattr(self, f"load_{kind}")(entry, move)

    # Dates -----------------------------------------------------------------------------------

    def mover(self, entry):
        how = entry.get("dates", "recent")
        around = self.written.year
        since = entry.get("years_from", self.pack.get("years_in_words_from"))
        today = self.today
        if entry.get("state") == "scheduled":
            today = max(today, timezone.localdate())
        if how == "fixed":
            return lambda value, key=None: value
        if how == "recent":
            return dated(years_back([self.written], today), around, since)
        if how == "plan":
            return dated(financial_year(today) - financial_year(self.written), around, since)
        if isinstance(how, dict) and len(how) == 1 and set(how) <= {"next", "ahead"}:
            ((mode, name),) = how.items()
            first = entry.get(name)
            if not hasattr(first, "toordinal"):
                raise PackError(f"`dates: {mode}: {name}` names a field with no date.")
            if mode == "next":
                shift = coming(first, today) - first
                return shifted(lambda value: value + shift)
            years = years_ahead(first, today)
            return shifted(lambda value: moved_years(value, years))
        raise PackError(
            f"`dates` is recent, plan, fixed, next: <field> or ahead: <field>, not {how!r}."
        )

    # Kinds of entry --------------------------------------------------------------------------

    def load_page(self, entry, move):
        model = self.model(entry["page"])
        parent_path = entry.get("parent", "/")
        parent = self.page(parent_path)
        fields = self.fields(model, entry, move)
        slug = fields.plain.pop("slug", None)
        if not slug:
            raise PackError("a page needs a slug.")
        written_path = f"{parent_path.rstrip('/')}/{entry['slug']}/"
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            page = existing.specific
        else:
            page = self.make_page(model, parent, slug, fields, entry, move)
        self.pages[written_path] = page
        self.load_related(page, fields.related, move)
        return page

    def make_page(self, model, parent, slug, fields, entry, move):
        state = self.state(entry)
        user = self.user(entry)
        page = model(slug=slug, live=state == "live", owner=user, **fields.plain)
        for name, value in fields.children.items():
            setattr(page, name, value)
        for settle in hooks.get_hooks(PACK_PAGE_DATES_MOVED):
            settle(page)
        parent.add_child(instance=page)
        for name, values in fields.many.items():
            getattr(page, name).set(values)
        self.publish(page, state, user, entry, move)
        self.count(model)
        return page

    def load_snippet(self, entry, move, **known):
        model = self.model(entry["snippet"])
        fields = self.fields(model, entry, move)
        fields.plain.update(known)
        key = self.natural_key(model, fields.plain, known)
        existing = model._default_manager.filter(**key).first()
        written = self.written_key(model, entry, known)
        if existing is None:
            state = self.state(entry)
            existing = model(**fields.plain)
            for name, value in fields.children.items():
                setattr(existing, name, value)
            if isinstance(existing, DraftStateMixin):
                existing.live = False
            existing.save()
            for name, values in fields.many.items():
                getattr(existing, name).set(values)
            if isinstance(existing, RevisionMixin):
                self.publish(existing, state, self.user(entry), entry, move)
            self.count(model)
        self.records[written] = existing
        self.load_related(existing, fields.related, move)
        return existing

    def load_complete(self, entry, move):
        """Fill in a page the starter made: every field while it is as the starter left it (one
        revision: its drafts, its home page), otherwise only those still empty, so that nothing
        an editor wrote is replaced; publish it if anything changed or it never was."""
        page = self.page(entry["complete"])
        self.pages[entry["complete"]] = page
        fields = self.fields(type(page), entry, move)
        never_published = not page.live and page.first_published_at is None
        as_started = Revision.objects.for_instance(page).count() <= 1
        changed = False
        for name, value in {**fields.plain, **fields.children}.items():
            if as_started or is_empty(getattr(page, name)):
                setattr(page, name, value)
                changed = True
        if changed or never_published:
            page.save_revision().publish()

    def load_change(self, entry, move):
        """Change the records the starter made that still match `where` (so, once changed,
        never again): set the fields given and add the inline children they lack."""
        model = self.model(entry["change"])
        where = self.fields(model, entry.get("where") or {}, move)
        if not where.plain:
            raise PackError("a change needs `where`: the fields that pick the records.")
        fields = self.fields(model, entry, move)
        for record in model._default_manager.filter(**where.plain):
            for name, value in fields.plain.items():
                setattr(record, name, value)
            self.add_missing_children(record, fields.children)
            record.save()
            self.count(model)

    def load_settings(self, entry, move):
        """Fill in the site's settings where they are empty; add the blocks of a stream (the
        footer's links) that are missing, in the pack's order before the others, and the inline
        children (councils) that are missing by their natural key."""
        model = self.model(entry["settings"])
        instance = model.for_site(Site.objects.get(is_default_site=True))
        fields = self.fields(model, entry, move)
        for name, value in fields.plain.items():
            if isinstance(model._meta.get_field(name), StreamField):
                setattr(instance, name, with_blocks(getattr(instance, name), value))
            elif is_empty(getattr(instance, name)):
                setattr(instance, name, value)
        self.add_missing_children(instance, fields.children)
        instance.save()

    def add_missing_children(self, instance, children_by_name):
        """Add to `instance` the inline children it lacks, each known by its natural key."""
        for name, children in children_by_name.items():
            manager = getattr(instance, name)
            have = list(manager.all())
            manager.add(*(child for child in children if not self.among(child, have)))

    def load_image(self, entry, move):
        title = move(entry["image"])
        if "file" in entry:
            image = self.shipped(get_image_model(), title, entry["file"], ImageFile)
        else:
            picture = entry.get("draw") or {}
            size = tuple(entry.get("size", (1200, 675)))
            background = picture.get("background", "#f3f8f6")
            motif = picture.get("motif", "partners")
            if motif not in MOTIFS:
                raise PackError(f"no motif {motif!r} (there are {', '.join(MOTIFS)}).")
            draw = drawing(motif, background, picture.get("colours"))
            try:
                image = ensure_image(title, draw, size, background)
            except IndexError as error:
                raise PackError(f"motif {motif!r} needs more colours than those given.") from error
        self.records[(get_image_model()._meta.label, entry["image"])] = image

    def load_document(self, entry, move):
        title = move(entry["document"])
        Document = get_document_model()
        if "file" in entry:
            document = self.shipped(Document, title, entry["file"], SimpleUploadedFile)
        else:
            document = ensure_pdf(title, move(entry.get("lines", [])))
        self.records[(Document._meta.label, entry["document"])] = document

    def shipped(self, model, title, name, wrap):
        existing = model.objects.filter(title=title).first()
        if existing is not None:
            return existing
        path = self.folder / name
        try:
            content = path.read_bytes()
        except OSError as error:
            raise PackError(f"{path}: {error.strerror}") from error
        if wrap is ImageFile:
            file = ImageFile(io.BytesIO(content), name=path.name)
        else:
            file = SimpleUploadedFile(path.name, content)
        record = model(title=title, file=file)
        record.save()
        return record

    def load_grant(self, entry, move):
        grant(
            entry["grant"],
            pages=[self.page(path) for path in entry.get("pages", [])],
            page_permissions=entry.get("page_permissions", ()),
            model_permissions=entry.get("model_permissions", ()),
        )

    def load_user(self, entry, move):
        if not self.with_users:
            return
        User = get_user_model()
        if User.objects.filter(username=entry["user"]).exists():
            return
        superuser = bool(entry.get("superuser"))
        user = User(
            username=entry["user"],
            first_name=entry.get("first_name", ""),
            last_name=entry.get("last_name", ""),
            email=entry.get("email", f"{entry['user']}@example.com"),
            is_staff=superuser,
            is_superuser=superuser,
        )
        user.set_password(DEMO_PASSWORD)
        user.save()
        groups = Group.objects.filter(name__in=entry.get("groups", []))
        missing = set(entry.get("groups", [])) - set(groups.values_list("name", flat=True))
        if missing:
            raise PackError(f"no team called {', '.join(sorted(missing))}.")
        user.groups.add(*groups)
        self.count(User)

    # Publishing ------------------------------------------------------------------------------

    def state(self, entry):
        state = entry.get("state", "live")
        if state not in STATES:
            raise PackError(f"`state` is one of {', '.join(STATES)}, not {state!r}.")
        return state

    def user(self, entry):
        username = entry.get("by")
        if not username:
            return None
        return get_user_model().objects.filter(username=username).first()

    def publish(self, instance, state, user, entry, move):
        """As an editor would: a revision, then published, scheduled (publishing a revision with
        a go-live time ahead schedules it), left a draft, or submitted to its workflow."""
        revision = instance.save_revision(user=user)
        if state in ("live", "scheduled") and isinstance(instance, DraftStateMixin):
            if state == "scheduled" and not getattr(instance, "go_live_at", None):
                raise PackError("a scheduled entry needs `go_live_at`.")
            revision.publish()
        elif state == "in moderation":
            workflow = instance.get_workflow()
            if workflow is None:
                raise PackError("`in moderation` needs a workflow for the page.")
            workflow.start(instance, user)
        if state == "live" and entry.get("published_at"):
            when = aware(move(entry["published_at"]))
            type(instance)._default_manager.filter(pk=instance.pk).update(
                first_published_at=when, last_published_at=when
            )

    # Fields ----------------------------------------------------------------------------------

    def fields(self, model, entry, move):
        """The entry's fields for `model`, with related records found and dates moved."""
        fields = Fields()
        for name, raw in entry.items():
            if name in DIRECTIVES:
                continue
            field = self.field(model, name)
            if field in get_all_child_relations(model):
                moved = [
                    (item, self.mover(item) if "dates" in item else move) for item in raw or []
                ]
                items = [
                    (item, item_move)
                    for item, item_move in moved
                    if "from" not in item or item_move(item["from"]) <= self.today
                ]
                fields.children[field.get_accessor_name()] = [
                    self.child(field.related_model, item, item_move, position)
                    for position, (item, item_move) in enumerate(items)
                ]
            elif field.one_to_many:
                fields.related.append((field, raw or []))
            elif field.many_to_many:
                values = [self.find(field.related_model, item) for item in raw or []]
                if isinstance(field, ParentalManyToManyField):
                    fields.plain[name] = values
                else:
                    fields.many[name] = values
            else:
                fields.plain[field.name] = self.value(field, raw, move, name)
        return fields

    def field(self, model, name):
        try:
            return model._meta.get_field(name)
        except FieldDoesNotExist as error:
            raise PackError(f"{model._meta.label} has no field `{name}`.") from error

    def value(self, field, raw, move, name):
        if raw is None:
            return None
        if field.many_to_one or field.one_to_one:
            return self.find(field.related_model, raw)
        if isinstance(field, StreamField):
            return self.stream(field.stream_block, raw, move)
        value = move(raw, name)
        if isinstance(field, models.DateTimeField):
            return aware(field.to_python(value))
        if isinstance(field, models.TimeField) and isinstance(value, int):
            # YAML reads 18:30 as a number of minutes (sexagesimal); times are best quoted.
            return time(value // 60, value % 60)
        return field.to_python(value)

    def child(self, model, item, move, position):
        fields = self.fields(model, item, move)
        if has_field(model, "sort_order"):
            fields.plain.setdefault("sort_order", position)
        child = model(**fields.plain)
        for name, value in fields.children.items():
            setattr(child, name, value)
        return child

    def load_related(self, instance, related, move):
        """Records that point at `instance` (a priority's actions), each found or made, in the
        order given; their dates move as the entry's do unless they say otherwise."""
        for field, items in related:
            model = field.related_model
            for position, item in enumerate(items, start=1):
                item_move = self.mover(item) if "dates" in item else move
                if "from" in item and item_move(item["from"]) > self.today:
                    continue
                if has_field(model, "sort_order"):
                    item = {"sort_order": position * 10, **item}
                entry = {"snippet": model._meta.label, **item}
                self.load_snippet(entry, item_move, **{field.field.name: instance})

    # Streams ---------------------------------------------------------------------------------

    def stream(self, stream_block, raw, move):
        """StreamField raw data from `- block_type: value` items, with chosen pages, images,
        documents and snippets found by their keys."""
        data = []
        for item in raw:
            if not isinstance(item, dict) or len(item) != 1:
                raise PackError(f"a stream item is one `block type: value`, not {item!r}.")
            ((block_type, value),) = item.items()
            child = stream_block.child_blocks.get(block_type)
            if child is None:
                names = ", ".join(stream_block.child_blocks)
                raise PackError(f"no block `{block_type}` here (there are {names}).")
            data.append({"type": block_type, "value": self.block_value(child, value, move)})
        return data

    def block_value(self, block, value, move):
        if value is None:
            return None
        if isinstance(block, blocks.StreamBlock):
            return self.stream(block, value, move)
        if isinstance(block, blocks.StructBlock):
            for name in value:
                if name not in block.child_blocks:
                    raise PackError(f"block `{block.name}` has no `{name}`.")
            return {
                name: self.block_value(block.child_blocks[name], value[name], move)
                for name in value
            }
        if isinstance(block, blocks.ListBlock):
            return [self.block_value(block.child_block, item, move) for item in value]
        if isinstance(block, blocks.PageChooserBlock):
            return self.page(value).pk
        if isinstance(block, ImageChooserBlock):
            return self.find(get_image_model(), value).pk
        if isinstance(block, DocumentChooserBlock):
            return self.find(get_document_model(), value).pk
        if isinstance(block, SnippetChooserBlock):
            return self.find(block.target_model, value).pk
        moved = move(value)
        return moved.isoformat() if hasattr(moved, "isoformat") else moved

    # Finding what the pack names -------------------------------------------------------------

    def model(self, label):
        try:
            return apps.get_model(label)
        except (LookupError, ValueError) as error:
            raise PackError(f"no model {label!r} (write it as app_label.ModelName).") from error

    def page(self, path):
        """A page by its path as the pack wrote it (/plans/2026-2027/), or by its path now."""
        if isinstance(path, Page):
            return path
        if path in self.pages:
            return self.pages[path]
        if not isinstance(path, str) or not path.startswith("/"):
            return self.find(Page, path)
        url_path = self.root_path + path.strip("/") + ("/" if path.strip("/") else "")
        page = Page.objects.filter(url_path=url_path).first()
        if page is None:
            raise PackError(f"no page at {path} (a page's parent comes before it).")
        return page.specific

    def find(self, model, key):
        """The record of `model` the pack names by `key`."""
        if isinstance(key, models.Model):
            return key
        if issubclass(model, Page) and isinstance(key, str) and key.startswith("/"):
            return self.page(key)
        written = self.records.get((model._meta.label, key))
        if written is not None:
            return written
        for name in NATURAL_KEYS:
            if not has_field(model, name):
                continue
            found = list(model._default_manager.filter(**{name: key})[:2])
            if len(found) == 1:
                return found[0].specific if isinstance(found[0], Page) else found[0]
            if len(found) > 1:
                raise PackError(f"more than one {model._meta.verbose_name} has {name} {key!r}.")
        raise PackError(f"no {model._meta.verbose_name} {key!r}.")

    def natural_key(self, model, plain, known):
        """How a record is known: what it belongs to (a priority, for its actions) and the first
        of its natural key fields the entry gives."""
        key = first_key(plain.get)
        if key is None:
            raise PackError(f"a {model._meta.verbose_name} needs one of {', '.join(NATURAL_KEYS)}.")
        return {**known, key[0]: key[1]}

    def written_key(self, model, entry, known):
        key = first_key(entry.get)
        return (model._meta.label, key[1] if key else tuple(known.items()))

    def among(self, record, records):
        """Whether one of `records` has the first natural key `record` gives (a council the
        pack names is there if one has its name, whatever slug it was given since)."""
        key = first_key(lambda name: getattr(record, name, None))
        return key is not None and any(getattr(other, key[0], None) == key[1] for other in records)

    def count(self, model):
        self.counts[model] = self.counts.get(model, 0) + 1


class Fields:
    """An entry's fields sorted by how they are saved."""

    def __init__(self):
        self.plain = {}  # set on the instance
        self.children = {}  # inline children, saved with it (modelcluster)
        self.many = {}  # many-to-many, set once it is saved
        self.related = []  # records pointing at it, made after it


def first_key(value_of):
    """(field name, value) of the first natural key `value_of(name)` gives a value for, or None."""
    for name in NATURAL_KEYS:
        value = value_of(name)
        if value:
            return name, value
    return None


def has_field(model, name):
    return name in {field.name for field in model._meta.get_fields()}


def shifted(change):
    """A mover that applies `change` to every date and datetime in a value (not to years in
    words)."""

    def move(value, key=None):
        if isinstance(value, dict):
            return {name: move(item, name) for name, item in value.items()}
        if isinstance(value, list | tuple):
            return type(value)(move(item) for item in value)
        if hasattr(value, "year") and hasattr(value, "toordinal"):
            return change(value)
        return value

    return move


def aware(value):
    if isinstance(value, datetime):
        return timezone.make_aware(value, LONDON) if timezone.is_naive(value) else value
    if value is None:
        return None
    return timezone.make_aware(datetime.combine(value, time(10)), LONDON)


def with_blocks(stream_value, wanted):
    """`stream_value`'s raw data with the `wanted` blocks it lacks: the wanted ones first, in
    their order, then those it had that are not wanted. Unchanged if it has them all."""
    have = [{"type": item["type"], "value": item["value"]} for item in stream_value.raw_data]
    if all(block in have for block in wanted):
        return stream_value.raw_data
    return [*wanted, *(block for block in have if block not in wanted)]


def is_empty(value):
    if value is None:
        return True
    try:
        return len(value) == 0
    except TypeError:
        return False


def load_pack(folder, today, with_users=True, say=print):
    """Load the pack in `folder` as of `today`; what it made, by kind."""
    return Loader(read_pack(folder), today, with_users, say).load()
