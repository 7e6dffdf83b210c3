from django.db.models import prefetch_related_objects
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import CharBlock
from plans.indicators import side_by_side


class ThemeBlock(blocks.StructBlock):
    """A theme that runs across every priority, such as preventing harm from substance misuse."""

    name = CharBlock(max_length=150)
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "tag"


class ProgressFigureBlock(blocks.StructBlock):
    """One figure reported with an update: 'Referrals received this quarter: 4 (target 5;
    same period last year: 3)'."""

    label = CharBlock(max_length=200)
    value = CharBlock(max_length=40, help_text="The figure as you would write it: 4, 75%, £1,200")
    target = CharBlock(max_length=40, required=False)
    same_period_last_year = CharBlock(
        max_length=40,
        required=False,
        label="Same period last year",
        help_text="The figure for the same period a year before, if you have it, so that "
        "residents can compare like for like: for a Q2 update, last year's Q2",
    )

    class Meta:
        icon = "decimal"


class IndicatorComparisonBlock(blocks.StructBlock):
    """The same measure for several areas side by side, in one table and one chart: anti-social
    behaviour in each district of a joint partnership, say."""

    heading = CharBlock(max_length=150)
    indicators = blocks.ListBlock(
        SnippetChooserBlock("plans.Indicator"),
        min_num=2,
        max_num=6,
        help_text="Two to six indicators of the same measure, one for each area.",
    )
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "table"
        label = "Indicators side by side"
        template = "components/blocks/indicator_comparison.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # Those still there (one deleted since reads as None), with their values in one query.
        indicators = [each for each in value["indicators"] if each is not None]
        prefetch_related_objects(indicators, "values")
        context["indicators"] = indicators
        context["comparison"] = side_by_side(
            [(column_name(each, indicators), each.points) for each in indicators]
        )
        units = {each.unit for each in indicators}
        context["unit"] = units.pop() if len(units) == 1 else ""
        context["better"] = indicators[0].better_in_words if indicators else ""
        context["sources"] = list(dict.fromkeys(each.source for each in indicators if each.source))
        return context


def column_name(indicator, indicators):
    """An indicator's column: its area, or its name with its area where areas repeat."""
    areas = [each.area for each in indicators]
    if indicator.area and areas.count(indicator.area) == 1:
        return indicator.area
    return indicator.name_with_area
