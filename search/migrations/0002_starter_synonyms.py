"""A starter list of the abbreviations and other words residents and partners use for the same
thing. The comms team changes it in the admin (Settings, Search synonyms)."""

from django.db import migrations

STARTER = [
    ("ASB, anti-social behaviour, antisocial behaviour, anti social behaviour", ""),
    ("DA, domestic abuse, domestic violence", ""),
    ("NTE, night-time economy, night time economy, nightlife", ""),
    ("PSPO, public spaces protection order, public space protection order", ""),
    ("JAG, joint action group", ""),
    ("CSE, child sexual exploitation", ""),
    ("CCE, child criminal exploitation", ""),
    ("DHR, domestic homicide review, DARDR, domestic abuse related death review", ""),
    ("county lines, cuckooing", "Cuckooing is how county lines gangs take over a home."),
    ("CSP, community safety partnership", ""),
    ("VAWG, violence against women and girls", ""),
    ("CCTV, security cameras", ""),
    ("fly-tipping, fly tipping, flytipping", ""),
    ("scam, fraud", ""),
    ("PCSO, police community support officer", ""),
    ("NPT, neighbourhood policing team, neighbourhood police team", ""),
    ("ASB case review, community trigger", ""),
    ("MARAC, multi-agency risk assessment conference", ""),
    ("SARC, sexual assault referral centre", ""),
    ("spiking, drink spiking, needle spiking", ""),
]


def add_starter_list(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    for terms, note in STARTER:
        if not Synonym.objects.filter(terms=terms).exists():
            Synonym.objects.create(terms=terms, note=note)


def remove_starter_list(apps, schema_editor):
    Synonym = apps.get_model("search", "Synonym")
    Synonym.objects.filter(terms__in=[terms for terms, _note in STARTER]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonyms")]

    operations = [migrations.RunPython(add_starter_list, remove_starter_list)]
