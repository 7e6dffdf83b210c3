"""Abbreviations and other words that mean the same, applied to what residents type.

Plain functions over plain values: `groups` is a list of lists of terms that mean the same
(["ASB", "anti-social behaviour", "antisocial behaviour"]). A search for any of them is also a
search for each of the others, on every search backend alike, because the query is widened
before it reaches the backend."""

import re

MAX_VARIANTS = 8


def parse_terms(text):
    """'ASB, anti-social behaviour' (commas or new lines) -> ['ASB', 'anti-social behaviour']."""
    seen, terms = set(), []
    for term in re.split(r"[,\n]", text or ""):
        term = " ".join(term.split())
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
    return terms


def _pattern(term):
    return re.compile(r"(?<!\w)" + re.escape(term) + r"(?!\w)", re.IGNORECASE)


def variants(text, groups, limit=MAX_VARIANTS):
    """The search as typed, then as each group of synonyms would also put it, without repeats:
    'asb in parks' -> ['asb in parks', 'anti-social behaviour in parks', ...]."""
    found = [text]
    for terms in groups:
        for term in sorted(terms, key=len, reverse=True):  # "county lines" before "lines"
            pattern = _pattern(term)
            if not pattern.search(text):
                continue
            for other in terms:
                if other.casefold() != term.casefold():
                    found.append(pattern.sub(lambda _match, other=other: other, text))
            break
    unique = list(dict.fromkeys(variant.casefold() for variant in found))
    return [next(v for v in found if v.casefold() == key) for key in unique][:limit]
