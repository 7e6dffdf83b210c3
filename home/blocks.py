"""The blocks every page body can use. Feature apps add their own beside these."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from home.visibility import is_visible

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class LinkValue(blocks.StructValue):
    # Not called `url`: templates look up dictionary keys first, and `url` is a field.
    def href(self):
        """None for a page residents may not see (unpublished or private since it was chosen):
        the link is left out rather than leading to a login."""
        page = self.get("page")
        if page:
            return page.url if is_visible(page) else None
        return self.get("url")


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to an address elsewhere."""

    text = blocks.CharBlock(max_length=80)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(required=False, label="Or an address elsewhere")

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": ErrorList(
                        [ValidationError("Choose a page or give an address, not both.")]
                    )
                }
            )
        return value

    class Meta:
        icon = "link"
        value_class = LinkValue


class FigureBlock(blocks.StructBlock):
    # ImageBlock makes the editor give alt text or mark the image as decorative.
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=100)
    text = blocks.TextBlock(required=False)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action.html"


class AccordionSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    summary = blocks.CharBlock(required=False, max_length=200)
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers. Every section is open when JavaScript does not run."""

    heading = blocks.CharBlock(required=False, max_length=120)
    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/accordion.html"


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "openquote"
        template = "components/blocks/inset_text.html"


class WarningTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=250)

    class Meta:
        icon = "warning"
        template = "components/blocks/warning_text.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class StatisticBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=20, help_text="For example 34% or 1,200")
    label = blocks.CharBlock(max_length=150, help_text="What the figure counts, in words")
    source = blocks.CharBlock(required=False, max_length=150)

    class Meta:
        icon = "decimal"
        template = "components/blocks/statistic.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, help_text="Leave blank to use the document's own title"
    )
    description = blocks.TextBlock(required=False)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document.html"


class EmbedBlock(blocks.StructBlock):
    """A video or post hosted elsewhere, shown as a link.

    Public pages make no third-party requests (no tracking before a resident chooses), so
    the provider's player is not loaded into the page: the resident follows the link.
    """

    url = blocks.URLBlock(help_text="The address of the video or post, for example on YouTube")
    title = blocks.CharBlock(max_length=150)
    provider = blocks.CharBlock(max_length=60, help_text="Where it is hosted, for example YouTube")
    description = blocks.TextBlock(required=False)
    transcript = blocks.PageChooserBlock(required=False, help_text="A page with the transcript")

    class Meta:
        icon = "media"
        template = "components/blocks/embed.html"


class ReportingRouteBlock(blocks.StructBlock):
    """Who to report to or where to get support, chosen from the reporting routes."""

    # By name, so that this shared module imports no feature app.
    route = SnippetChooserBlock("campaigns.ReportingRoute")

    class Meta:
        icon = "help"
        template = "components/blocks/reporting_route.html"


def body_blocks():
    """The blocks a general page body offers, in the order editors see them."""
    return [
        ("text", blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")),
        ("figure", FigureBlock()),
        ("call_to_action", CallToActionBlock()),
        ("accordion", AccordionBlock()),
        ("inset_text", InsetTextBlock()),
        ("warning_text", WarningTextBlock()),
        ("quote", QuoteBlock()),
        ("statistic", StatisticBlock()),
        ("document", DocumentBlock()),
        ("embed", EmbedBlock()),
        ("reporting_route", ReportingRouteBlock()),
    ]


class SignpostBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=80)
    text = blocks.TextBlock(max_length=200)
    link = LinkBlock()

    class Meta:
        icon = "arrow-right"
        template = "components/blocks/signpost.html"
