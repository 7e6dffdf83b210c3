"""Actions keep their partners in the order the officer gave them, may name people as owners,
and may give a month as their target.

The partners move from plain many-to-many tables to ordered links; each action's partners keep
the order the public page showed them in until now (by name)."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def copy_partners_in_order(apps, schema_editor):
    Action = apps.get_model("plans", "Action")
    for role, link_model in (
        ("lead_partners", apps.get_model("plans", "ActionLeadPartner")),
        ("supporting_partners", apps.get_model("plans", "ActionSupportingPartner")),
    ):
        links = []
        for action in Action.objects.prefetch_related(role):
            partners = sorted(getattr(action, role).all(), key=lambda partner: partner.name)
            links += [
                link_model(action=action, partner=partner, sort_order=position)
                for position, partner in enumerate(partners)
            ]
        link_model.objects.bulk_create(links)


def copy_partners_back(apps, schema_editor):
    Action = apps.get_model("plans", "Action")
    for role, link_model in (
        ("lead_partners", apps.get_model("plans", "ActionLeadPartner")),
        ("supporting_partners", apps.get_model("plans", "ActionSupportingPartner")),
    ):
        for action in Action.objects.all():
            links = link_model.objects.filter(action=action).order_by("sort_order")
            getattr(action, role).set([link.partner_id for link in links])


def link_model(name, related_name, verbose_name):
    return migrations.CreateModel(
        name=name,
        fields=[
            ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
            ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
            (
                "action",
                modelcluster.fields.ParentalKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name=related_name,
                    to="plans.action",
                ),
            ),
            (
                "partner",
                models.ForeignKey(
                    on_delete=django.db.models.deletion.CASCADE,
                    related_name="+",
                    to="plans.partner",
                ),
            ),
        ],
        options={"verbose_name": verbose_name, "ordering": ["sort_order"], "abstract": False},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0006_you_said_we_did_entry_name"),
    ]

    operations = [
        migrations.AddField(
            model_name="action",
            name="owners",
            field=models.TextField(
                blank=True,
                help_text="People who own the action beside the partners, one a line, such as "
                "'Jo Smith, Community Safety Officer'. Kept in the admin unless the box below "
                "is ticked.",
                verbose_name="named owners",
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="show_owners",
            field=models.BooleanField(
                default=False,
                help_text="Tick only when each person has agreed to be named publicly.",
                verbose_name="show the named owners on the public site",
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="target_month_only",
            field=models.BooleanField(
                default=False,
                help_text="For a plan that gives a month, such as March 2027: the site shows "
                "the month only. Give any day in that month above.",
                verbose_name="the target is a month",
            ),
        ),
        link_model("ActionLeadPartner", "lead_partner_links", "lead partner"),
        link_model("ActionSupportingPartner", "supporting_partner_links", "supporting partner"),
        migrations.RunPython(copy_partners_in_order, copy_partners_back),
        migrations.RemoveField(model_name="action", name="lead_partners"),
        migrations.RemoveField(model_name="action", name="supporting_partners"),
        migrations.AddField(
            model_name="action",
            name="lead_partners",
            field=models.ManyToManyField(
                blank=True,
                related_name="actions_led",
                through="plans.ActionLeadPartner",
                to="plans.partner",
            ),
        ),
        migrations.AddField(
            model_name="action",
            name="supporting_partners",
            field=models.ManyToManyField(
                blank=True,
                related_name="actions_supported",
                through="plans.ActionSupportingPartner",
                to="plans.partner",
            ),
        ),
    ]
