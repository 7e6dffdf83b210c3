from wagtail import blocks

from home.blocks import CharBlock


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
