"""The public listing of "you said, we did" (YouSaidWeDidIndexPage's route): the rows come from
the page, so this module needs none of the app's models."""

from areas.models import AreaPage, councils_of
from home.filters import IdChoiceFilter, PublicFilterSet, SlugChoiceFilter, YearFilter
from home.models import Council
from home.pagination import paginate
from home.visibility import visible

PER_PAGE = 20


class YouSaidWeDidFilters(PublicFilterSet):
    area = SlugChoiceFilter(field_name="parish")
    council = SlugChoiceFilter(field_name="parish__council")
    priority = IdChoiceFilter()
    year = YearFilter("said_on")

    not_found = {
        "area": "There is no such area.",
        "council": "There is no such council.",
        "priority": "There is no such priority.",
        "year": "There is no such year.",
    }


def you_said_we_did_list(index, request):
    """/you-said-we-did/?area=kibworth&priority=12&year=2026 (?parish= too; ?council= for a council's areas). Unknown values are a 404."""
    published = index.entries()
    filters = YouSaidWeDidFilters(
        request.GET,
        published.for_listing(),
        choices={
            "area": visible(AreaPage.objects.all()),
            "council": Council.objects.all(),
            "priority": index.priorities(),
        },
    )
    parishes = (
        visible(AreaPage.objects.all())
        .filter(you_said_we_did__in=published)
        .distinct()
        .order_by("title")
    )
    return index.render(
        request,
        context_overrides={
            "page_obj": paginate(request, filters.qs, PER_PAGE),
            "chosen": filters.chosen,
            "parishes": parishes,
            "councils": councils_of(parishes),
            # Named with their plan and years, so that two plans' priorities are told apart.
            "priorities": index.priority_choices(
                index.priorities().filter(you_said_we_did__in=published).distinct()
            ),
            "years": sorted({day.year for day in published.dates("said_on", "year")}, reverse=True),
        },
    )
