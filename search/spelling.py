"""'Did you mean white ribbon?': a search's words put right from the site's own words.

Plain functions over plain values, the same on every search backend: the vocabulary is the
words of what the site holds (titles and summaries), with how often each appears."""

import difflib
import re
from collections import Counter

WORD = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
MIN_LENGTH = 3  # shorter words are abbreviations or too short to guess
CUTOFF = 0.75


def vocabulary(texts):
    """{word: count} of the words in `texts`, in lower case."""
    counts = Counter()
    for text in texts:
        counts.update(
            word.casefold() for word in WORD.findall(text or "") if len(word) >= MIN_LENGTH
        )
    return dict(counts)


def by_initial(words):
    """{first letter: [word...]}: a typo rarely changes the first letter, and this keeps the
    comparison to a small part of the vocabulary."""
    buckets = {}
    for word in words:
        buckets.setdefault(word[0], []).append(word)
    return buckets


def suggest(query, counts, buckets=None):
    """The query with each word not in the vocabulary replaced by the closest one that is (the
    commonest, among equally close), or None when nothing would change."""
    buckets = buckets if buckets is not None else by_initial(counts)
    changed = False

    def better(match):
        nonlocal changed
        word = match.group(0)
        key = word.casefold()
        if len(key) < MIN_LENGTH or key in counts:
            return word
        close = difflib.get_close_matches(key, buckets.get(key[0], []), n=5, cutoff=CUTOFF)
        if not close:
            return word
        ratio = {
            candidate: difflib.SequenceMatcher(None, key, candidate).ratio() for candidate in close
        }
        best = max(close, key=lambda candidate: (round(ratio[candidate], 2), counts[candidate]))
        changed = True
        return best

    corrected = WORD.sub(better, query)
    return corrected if changed else None
