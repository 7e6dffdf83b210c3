"""Admin views to import a plan's actions, and indicator values, from a spreadsheet.

Upload -> preview (nothing saved; the rows read from the file are kept in the officer's own
session under a random token) -> import (the rows are checked again against the database as it
is now, then saved all or nothing). No path or file name from the user is ever opened: only the
uploaded bytes are read, in memory.
"""

import secrets

from dateutil.relativedelta import relativedelta
from django import forms
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.auth import permission_denied
from wagtail.admin.widgets import AdminDateInput

from home.dates import day_month_year
from home.forms import LimitedCharField
from plans import plan_import, roll_forward
from plans.importing import check_numbered_rows, check_rows
from plans.models import Action, Indicator, IndicatorValue, Partner, PlanPage, PriorityPage

ACTIONS_SESSION_KEY = "plans_import_actions"
VALUES_SESSION_KEY = "plans_import_indicator_values"
ACTION_PERMISSIONS = ("plans.add_action", "plans.change_action")
VALUE_PERMISSIONS = ("plans.change_indicator",)
MAX_MB = plan_import.MAX_BYTES // 1024 // 1024


class SpreadsheetField(forms.FileField):
    def __init__(self, max_rows=plan_import.MAX_ROWS, **kwargs):
        super().__init__(
            label="Spreadsheet",
            help_text=f"An Excel workbook (.xlsx) or CSV UTF-8 (.csv), at most {MAX_MB} MB and "
            f"{max_rows:,} rows.",
            error_messages={
                "required": "Choose the spreadsheet to upload.",
                "empty": "The file is empty: it has no header row and no rows.",
            },
            **kwargs,
        )

    def clean(self, data, initial=None):
        upload = super().clean(data, initial)
        if upload is not None and upload.size > plan_import.MAX_BYTES:
            raise forms.ValidationError(
                f"The file is {upload.size / 1024 / 1024:.1f} MB: it can be at most {MAX_MB} MB. "
                "Split it, or remove pictures and other sheets."
            )
        return upload


class ActionImportForm(forms.Form):
    plan = forms.ModelChoiceField(
        queryset=PlanPage.objects.order_by("-starts_on", "title"),
        empty_label="Choose a plan",
        error_messages={"required": "Choose the plan to import the actions into."},
    )
    file = SpreadsheetField()


class ValueImportForm(forms.Form):
    file = SpreadsheetField(max_rows=plan_import.MAX_VALUE_ROWS)


def admin_screen(request, template, title, icon, context, **kwargs):
    """A screen of the admin: its heading, and the same words in the browser tab."""
    return TemplateResponse(
        request,
        template,
        {"page_title": title, "header_title": title, "header_icon": icon, **context},
        **kwargs,
    )


def has_perms(request, permissions):
    return request.user.has_perms(permissions)


def read_upload(form):
    """(filename, bytes) of the uploaded file; never a path."""
    upload = form.cleaned_data["file"]
    return upload.name, upload.read()


# Actions --------------------------------------------------------------------------------------


def plan_data(plan, user):
    priorities = list(PriorityPage.objects.child_of(plan).order_by("number", "path"))
    actions = list(
        Action.objects.filter(priority__in=[p.pk for p in priorities])
        .select_related("priority")
        .prefetch_related(*Action.partner_prefetches(), "progress_updates")
        .order_by("pk")
    )
    return plan_import.PlanData(
        plan_title=plan.title,
        priorities=priorities,
        partners=list(Partner.objects.all()),
        actions=actions,
        can_add_partners=user.has_perm("plans.add_partner"),
        starts_on=plan.starts_on,
        ends_on=plan.ends_on,
    )


def import_actions(request):
    if not has_perms(request, ACTION_PERMISSIONS):
        return permission_denied(request)
    if request.method == "POST":
        form = ActionImportForm(request.POST, request.FILES)
        if form.is_valid():
            plan = form.cleaned_data["plan"].specific
            filename, data = read_upload(form)
            try:
                table = plan_import.read_table(filename, data)
            except plan_import.FileProblem as problem:
                form.add_error("file", str(problem))
            else:
                token = secrets.token_urlsafe(24)
                request.session[ACTIONS_SESSION_KEY] = {
                    "token": token,
                    "plan": plan.pk,
                    "filename": filename,
                    "table": table.as_data(),
                }
                import_plan = plan_import.plan_changes(table, plan_data(plan, request.user))
                return actions_preview(request, plan, filename, token, import_plan)
    else:
        plan_id = request.GET.get("plan", "")
        initial = {"plan": plan_id} if plan_id.isdigit() else {}
        form = ActionImportForm(initial=initial)
    return admin_screen(
        request,
        "plans/admin/import_actions.html",
        "Import actions",
        "tasks",
        {
            "form": form,
            "columns": list(plan_import.ACTION_COLUMNS),
            "max_rows": plan_import.MAX_ROWS,
        },
    )


def actions_preview(request, plan, filename, token, import_plan, ticked=(), status=200):
    new_partners = [
        {
            "key": partner_key,
            "name": name,
            "rows": import_plan.new_partner_rows.get(partner_key, []),
            "ticked": partner_key in ticked,
        }
        for partner_key, name in import_plan.new_partners.items()
    ]
    return admin_screen(
        request,
        "plans/admin/import_actions_preview.html",
        f"Import actions into {plan.title}",
        "tasks",
        {
            "plan": plan,
            "filename": filename,
            "token": token,
            "import_plan": import_plan,
            "counts": import_plan.counts,
            "new_partners": new_partners,
            "group_label": plan.action_group_label,
        },
        status=status,
    )


def waiting_upload(request, session_key):
    """(the upload kept for confirmation, its token), or (None, token) if this POST does not
    confirm the upload waiting in the session (done already, replaced, or not a POST)."""
    token = request.POST.get("token", "")
    if request.method != "POST":
        return None, token
    stored = request.session.get(session_key)
    if not stored or not secrets.compare_digest(str(stored.get("token", "")), token):
        messages.error(
            request,
            "That import is no longer waiting (it was done, or another file was uploaded since): "
            "upload the file again.",
        )
        return None, token
    return stored, token


def import_actions_confirm(request):
    if not has_perms(request, ACTION_PERMISSIONS):
        return permission_denied(request)
    stored, token = waiting_upload(request, ACTIONS_SESSION_KEY)
    if stored is None:
        return redirect("plans_import_actions")
    plan = PlanPage.objects.filter(pk=stored["plan"]).first()
    if plan is None:
        del request.session[ACTIONS_SESSION_KEY]
        messages.error(request, "That plan has been deleted since the file was uploaded.")
        return redirect("plans_import_actions")
    table = plan_import.Table.from_data(stored["table"])
    ticked = [plan_import.key(name) for name in request.POST.getlist("create_partner")]
    try:
        with transaction.atomic():
            # Checked again against the database as it is now, inside the transaction that saves.
            import_plan = plan_import.plan_changes(table, plan_data(plan, request.user), ticked)
            if import_plan.problems:
                return actions_preview(
                    request, plan, stored["filename"], token, import_plan, ticked, status=200
                )
            created, changed, partners = plan_import.apply_changes(import_plan, request.user)
    except IntegrityError:
        # Someone saved a clashing action or partner at the same moment: nothing was saved.
        messages.error(
            request,
            "Nothing was imported: someone changed these actions or partners at the same time. "
            "Upload the file again to see the changes as they are now.",
        )
        return redirect(reverse("plans_import_actions") + f"?plan={plan.pk}")
    del request.session[ACTIONS_SESSION_KEY]
    if created or changed or partners:
        messages.success(
            request,
            f"Imported {stored['filename']} into {plan.title}: {plural(created, 'action')} "
            f"created, {plural(changed, 'action')} changed"
            + (f", {plural(partners, 'partner')} added." if partners else "."),
        )
    else:
        messages.info(request, f"{stored['filename']}: no changes, so nothing was saved.")
    return redirect(reverse("wagtailsnippets_plans_action:list") + f"?plan={plan.pk}")


def plural(count, word, words=None):
    return f"{count} {word if count == 1 else words or word + 's'}"


def actions_template(request, file_format):
    if not has_perms(request, ACTION_PERMISSIONS):
        return permission_denied(request)
    return spreadsheet_download(
        file_format,
        "actions-template",
        csv_text=plan_import.template_csv(),
        xlsx=lambda: plan_import.template_xlsx(),
    )


def spreadsheet_download(file_format, name, csv_text, xlsx):
    if file_format == "csv":
        response = HttpResponse(csv_text.encode("utf-8"), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(
            xlsx(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    return response


# Indicator values -------------------------------------------------------------------------------


def check_values(stored, indicators):
    """(rows, problems) for what was uploaded, by the same checks as import_indicator_values."""
    if stored["kind"] == "csv":
        return check_rows(stored["text"], indicators)
    rows, problems = check_numbered_rows(
        ((line, f"row {line}", cells) for line, cells in stored["rows"]), indicators
    )
    return rows, [*stored["cell_problems"], *problems]


def read_values_upload(filename, data):
    """What to keep between the preview and the import: a CSV's text, as the command reads it,
    or an XLSX sheet's rows as text."""
    if (filename or "").lower().endswith(".csv"):
        # The same limits as for a workbook: size, encoding, rows.
        plan_import.read_grid(filename, data, plan_import.MAX_VALUE_ROWS)
        return {"kind": "csv", "text": data.decode("utf-8-sig")}
    grid, cell_problems = plan_import.read_grid(filename, data, plan_import.MAX_VALUE_ROWS)
    header = grid[0][1] if grid else []
    return {
        "kind": "xlsx",
        "rows": grid,
        "cell_problems": [
            f"row {line}, {plan_import.column_name(header, index)}: {text}"
            for line, index, text in cell_problems
        ],
    }


def value_changes(rows, indicators):
    current = {
        (value.indicator_id, value.period): value.value
        for value in IndicatorValue.objects.filter(
            indicator__slug__in={row.indicator for row in rows}
        )
    }
    changes = []
    for row in rows:
        indicator = indicators[row.indicator]
        before = current.get((indicator.pk, row.period.label))
        outcome = "create" if before is None else ("unchanged" if before == row.value else "change")
        changes.append({"row": row, "indicator": indicator, "before": before, "outcome": outcome})
    return changes


def values_preview(request, filename, token, changes, problems):
    counts = {
        outcome: sum(1 for change in changes if change["outcome"] == outcome)
        for outcome in ("create", "change", "unchanged")
    }
    return admin_screen(
        request,
        "plans/admin/import_values_preview.html",
        "Import indicator values",
        "doc-full-inverse",
        {
            "filename": filename,
            "token": token,
            "changes": changes,
            "problems": problems,
            "counts": counts,
            "has_changes": bool(counts["create"] or counts["change"]),
        },
    )


def import_indicator_values(request):
    if not has_perms(request, VALUE_PERMISSIONS):
        return permission_denied(request)
    if request.method == "POST":
        form = ValueImportForm(request.POST, request.FILES)
        if form.is_valid():
            filename, data = read_upload(form)
            try:
                stored = read_values_upload(filename, data)
            except plan_import.FileProblem as problem:
                form.add_error("file", str(problem))
            else:
                token = secrets.token_urlsafe(24)
                request.session[VALUES_SESSION_KEY] = {
                    "token": token,
                    "filename": filename,
                    **stored,
                }
                indicators = {i.slug: i for i in Indicator.objects.all()}
                rows, problems = check_values(stored, indicators)
                changes = [] if problems else value_changes(rows, indicators)
                return values_preview(request, filename, token, changes, problems)
    else:
        form = ValueImportForm()
    return admin_screen(
        request,
        "plans/admin/import_values.html",
        "Import indicator values",
        "doc-full-inverse",
        {"form": form},
    )


def import_indicator_values_confirm(request):
    if not has_perms(request, VALUE_PERMISSIONS):
        return permission_denied(request)
    stored, token = waiting_upload(request, VALUES_SESSION_KEY)
    if stored is None:
        return redirect("plans_import_indicator_values")
    with transaction.atomic():
        indicators = {i.slug: i for i in Indicator.objects.all()}
        rows, problems = check_values(stored, indicators)
        if problems:
            return values_preview(request, stored["filename"], token, [], problems)
        changes = [c for c in value_changes(rows, indicators) if c["outcome"] != "unchanged"]
        touched = {}
        for change in changes:
            row = change["row"]
            IndicatorValue.objects.update_or_create(
                indicator=change["indicator"],
                period=row.period.label,
                defaults={"value": row.value},
            )
            touched[change["indicator"].pk] = change["indicator"]
        for indicator in touched.values():
            Indicator.objects.get(pk=indicator.pk).save_revision(user=request.user, log_action=True)
    del request.session[VALUES_SESSION_KEY]
    if changes:
        messages.success(
            request,
            f"Imported {plural(len(changes), 'value')} for {plural(len(touched), 'indicator')} "
            f"from {stored['filename']}.",
        )
    else:
        messages.info(request, f"{stored['filename']}: no changes, so nothing was saved.")
    return redirect("wagtailsnippets_plans_indicator:list")


def values_template(request, file_format):
    if not has_perms(request, VALUE_PERMISSIONS):
        return permission_denied(request)
    header, example = ["indicator", "period", "value"], ["total-recorded-crime", "2025/26", "1234"]
    return spreadsheet_download(
        file_format,
        "indicator-values-template",
        csv_text="\ufeff" + ",".join(header) + "\r\n" + ",".join(example) + "\r\n",
        xlsx=lambda: plan_import.template_xlsx(header, example, title="Indicator values"),
    )


# Rolling a plan forward -------------------------------------------------------------------------


class RollForwardForm(forms.Form):
    title = LimitedCharField(label="Title of the new plan", max_length=255)
    starts_on = forms.DateField(
        label="Starts on", widget=AdminDateInput, help_text="For example 01/04/2027."
    )
    ends_on = forms.DateField(
        label="Ends on", widget=AdminDateInput, help_text="For example 31/03/2028."
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_title(self):
        title = self.cleaned_data["title"].strip()
        same = PlanPage.objects.sibling_of(self.plan).filter(title__iexact=title).first()
        if same is not None:
            state = "" if same.live else " (a draft)"
            raise forms.ValidationError(
                f"There is already a plan called {same.title}{state}: open that one from the "
                "page tree, or give this plan another title."
            )
        return title

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error(
                "ends_on",
                "The plan cannot end before it starts: give an end date on or after "
                f"{day_month_year(starts_on)}.",
            )
        return cleaned


def roll_forward_plan(request, plan_id):
    plan = get_object_or_404(PlanPage, pk=plan_id)
    parent = plan.get_parent()
    if not (
        has_perms(request, ("plans.add_action",))
        and parent.permissions_for_user(request.user).can_add_subpage()
    ):
        return permission_denied(request)
    if request.method == "POST":
        form = RollForwardForm(request.POST, plan=plan)
        if form.is_valid():
            new_plan = roll_forward.roll_forward(plan, user=request.user, **form.cleaned_data)
            summary = roll_forward.summarise(new_plan)
            messages.success(
                request,
                f"Started {new_plan.title} from {plan.title}: "
                f"{plural(summary.priorities, 'priority', 'priorities')} and "
                f"{plural(summary.open_actions, 'open action')} copied, without their progress "
                "updates. The new plan and its priorities are drafts: check them, then publish.",
            )
            return redirect("wagtailadmin_explore", new_plan.pk)
    else:
        years = 1
        form = RollForwardForm(
            plan=plan,
            initial={
                "title": roll_forward.next_title(plan.title, years),
                "starts_on": plan.starts_on + relativedelta(years=years),
                "ends_on": plan.ends_on + relativedelta(years=years),
            },
        )
    return admin_screen(
        request,
        "plans/admin/roll_forward.html",
        f"Start next year's plan from {plan.title}",
        "copy",
        {
            "plan": plan,
            "summary": roll_forward.summarise(plan),
            "form": form,
        },
    )
