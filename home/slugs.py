"""A slug made from a name, not already taken."""

from django.utils.text import slugify


def free_slug(text, taken_in, max_length=50, fallback="item"):
    """slugify(text), or with -2, -3... when it is taken. `taken_in(base)` gives the slugs
    already used that start with `base` (one query)."""
    base = slugify(text)[: max_length - 4].strip("-") or fallback
    taken = set(taken_in(base))
    slug, n = base, 2
    while slug in taken:
        slug, n = f"{base}-{n}", n + 1
    return slug
