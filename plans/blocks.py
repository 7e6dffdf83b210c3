from wagtail import blocks


class ThemeBlock(blocks.StructBlock):
    """A theme that runs across every priority, such as preventing harm from substance misuse."""

    name = blocks.CharBlock(max_length=150)
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "tag"


class ProgressFigureBlock(blocks.StructBlock):
    """One figure reported with an update: 'Referrals received this quarter: 4 (target 5)'."""

    label = blocks.CharBlock(max_length=200)
    value = blocks.CharBlock(
        max_length=40, help_text="The figure as you would write it: 4, 75%, £1,200"
    )
    target = blocks.CharBlock(max_length=40, required=False)

    class Meta:
        icon = "decimal"
