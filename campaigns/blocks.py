from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.blocks import CharBlock, DocumentBlock


class ToolkitImageBlock(blocks.StructBlock):
    """An image partners and parishes may download and reuse, such as a social media card."""

    image = ImageChooserBlock()
    title = CharBlock(max_length=120)
    alt_text = CharBlock(
        max_length=250,
        help_text="Describe the image for people who cannot see it; reusers need it too.",
    )
    usage = CharBlock(
        required=False, max_length=200, help_text="For example: square, for Instagram and Facebook"
    )

    class Meta:
        icon = "image"


def toolkit_blocks():
    return [("image", ToolkitImageBlock()), ("document", DocumentBlock())]


class ReportingRouteBlock(blocks.StructBlock):
    """Who to report to or where to get support, chosen from the reporting routes."""

    route = SnippetChooserBlock("campaigns.ReportingRoute")

    class Meta:
        icon = "help"
        template = "components/blocks/reporting_route.html"
