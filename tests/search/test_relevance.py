"""What residents type, and what must be in the first three results: abbreviations, typos,
plurals, place names, partners' scheme names. Run on every backend the suite runs on."""

import pytest

from tests.search.test_sources import results

# Each test runs on the database backend and on OpenSearch (tests/search/conftest.py).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("engine")]

ANTI_SOCIAL_BEHAVIOUR = (
    "Report anti-social behaviour to the council",
    "Put re-deployable CCTV cameras at anti-social behaviour hotspots",
)

DOMESTIC_ABUSE = (
    "People: support people at risk of violence and abuse",
    "National Domestic Abuse Helpline",
)

# (what a resident types, the start of a title that must be in the first three results; where
# two answers are as good, either will do: backends rank them differently)
TABLE = [
    ("ask for angela", "Ask for Angela"),
    ("hate crime", "Hate Crime Awareness Week"),
    ("hate crimes", "Hate Crime Awareness Week"),
    ("white ribbon", "White Ribbon Day"),
    ("white ribon", "White Ribbon Day"),
    ("crimestoppers", "Tell Crimestoppers"),
    ("crimestopers", "Tell Crimestoppers"),
    ("ASB", ANTI_SOCIAL_BEHAVIOUR),
    ("antisocial behaviour", ANTI_SOCIAL_BEHAVIOUR),
    ("DA", DOMESTIC_ABUSE),
    ("domestic violence", DOMESTIC_ABUSE),
    ("support after abuse", "Support after abuse"),
    ("CCTV", "More cameras for Lutterworth town centre"),
    ("PSPO", "Nitrous oxide canisters in parks and car parks"),
    ("nitrous oxide", "Nitrous oxide canisters in parks and car parks"),
    ("NTE", "Work towards the Purple Flag standard"),
    ("night time economy", "Work towards the Purple Flag standard"),
    ("Purple Flag", "Work towards the Purple Flag standard"),
    ("999", "Call 999 in an emergency"),
    ("scam", "Get advice about a scam"),
    ("scams", "Friends Against Scams"),
    ("fraud", "Report fraud and cybercrime"),
    ("call blockers", "Fit call blockers"),
    ("county lines", "Agree a referral route between Turning Point and the police"),
    ("cuckooing", "Agree a referral route between Turning Point and the police"),
    ("knife crime", "Op Sceptre: knife crime week of action"),
    ("knives", "Op Sceptre: knife crime week of action"),
    ("Operation Sceptre", "Run knife crime workshops in secondary schools"),
    ("rape", "24/7 Rape and Sexual Abuse Support Line"),
    ("modern slavery", "Modern Slavery and Exploitation Helpline"),
    ("Lutterworth", "Lutterworth"),
    ("lutterwoth", "Lutterworth"),
    ("Market Harborough", "Market Harborough"),
    ("Kibworth", "Kibworth"),
    ("beat surgery", "Kibworth beat surgery"),
    ("beat surgeries", "Kibworth beat surgery"),
    ("patch walk", "Evening patch walk: Lutterworth town centre"),
    ("speeding", "Speeding through Kibworth"),
    ("speedwatch", "Speedwatch volunteers out in Kibworth"),
    ("burglaries", ("Map where and when burglaries happen", "Property: help people protect")),
    ("shed security", "Map where and when burglaries happen"),
    ("cold callers", "Cold callers targeting older residents"),
    ("Jenkins Centre", "Fund places on the Jenkins Centre"),
    ("JADA", "Fund a JADA+ worker"),
    ("rural crime", "Rural Crime Week"),
    ("darker nights", "Darker Nights"),
    ("accessibility", "Accessibility statement"),
]


@pytest.mark.parametrize(("query", "expected"), TABLE, ids=[query for query, _ in TABLE])
def test_residents_find_what_they_look_for_in_the_first_three(client, demo, query, expected):
    first_three = [
        title for _kind, _url, title in results(client.get("/search/", {"q": query}))[:3]
    ]
    assert any(title.startswith(expected) for title in first_three), first_three


def test_the_table_is_long_enough_to_mean_something():
    assert len(TABLE) >= 40
    assert len({query.casefold() for query, _ in TABLE}) == len(TABLE)
