"""One way to page through any listing, with GOV.UK's pagination component."""

import re

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404

PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")


def paginate(request, items, per_page=10):
    """The requested page of `items`. A page number that is not a whole number, or is outside
    the listing, is a 404: a link to it is wrong, and showing some other page hides that."""
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", "1")
    # One address a page: "2", not "02", "+2" or "٢" (int() reads other scripts' digits too).
    if not PAGE_NUMBER.fullmatch(number):
        raise Http404("There is no such page of results.")
    try:
        # An empty listing still has a first page, so "no results" is not a 404.
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage) as error:
        raise Http404("There is no such page of results.") from error


def page_numbers(current: int, last: int, around: int = 1) -> list[int | None]:
    """Page numbers to link to: the first, the last, and those around the current page, with
    None where GOV.UK's pattern shows an ellipsis. 1 … 4 5 6 … 10"""
    if last < 1:
        return []
    shown = {1, last, *range(current - around, current + around + 1)}
    numbers: list[int | None] = []
    previous = 0
    for number in sorted(n for n in shown if 1 <= n <= last):
        if number - previous > 1:
            numbers.append(None)
        numbers.append(number)
        previous = number
    return numbers
