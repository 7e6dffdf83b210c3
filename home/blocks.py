"""The blocks every page body can use. Feature apps add their own beside these."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.forms.utils import ErrorList
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.admin.widgets import AdminAutoHeightTextInput
from wagtail.contrib.table_block import blocks as table_blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

from home.forms import LimitedCharField
from home.visibility import is_visible

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class CharBlock(blocks.CharBlock):
    """Wagtail's one-line text box with the admin's length limits (home/forms.py): the limit in
    the help text, a clear message when the text is too long, and no `maxlength` attribute to
    cut a paste short. Every text box in a block that has a limit uses this one."""

    def __init__(
        self,
        required=True,
        help_text=None,
        max_length=None,
        min_length=None,
        validators=(),
        **kwargs,
    ):
        super().__init__(
            required=required,
            help_text=help_text,
            max_length=max_length,
            min_length=min_length,
            validators=validators,
            **kwargs,
        )
        # Wagtail's CharBlock makes its form field here, with no way to choose the field's class:
        # the same field again, of the class that shows the limit instead of cutting text short.
        self.field = LimitedCharField(
            required=required,
            help_text=help_text,
            max_length=max_length,
            min_length=min_length,
            validators=validators,
        )


class TextBlock(blocks.TextBlock):
    """Wagtail's multi-line text box, with the same length limits as `CharBlock`."""

    @cached_property
    def field(self):
        return LimitedCharField(
            widget=AdminAutoHeightTextInput(attrs={"rows": self.rows}), **self.field_options
        )


class LinkValue(blocks.StructValue):
    # Not called `url`: templates look up dictionary keys first, and `url` is a field.
    def href(self):
        """None for a page residents may not see (unpublished or private since it was chosen):
        the link is left out rather than leading to a login."""
        page = self.get("page")
        if page:
            return page.url if is_visible(page) else None
        return self.get("url")


PHONE = re.compile(r"\+?[0-9][0-9 ()-]{2,30}")
WEB_ADDRESS = URLValidator(schemes=["http", "https"])
ADDRESS_HELP = "A web address, an email address as mailto:name@example.org, or a phone number as tel:0116 305 0000"


def validate_address(value):
    """A link elsewhere: a web address, mailto: an email address, or tel: a phone number."""
    wrong = ValidationError(f"'{value}' is not an address a link can go to. {ADDRESS_HELP}.")
    if value.startswith("mailto:"):
        try:
            validate_email(value.removeprefix("mailto:").split("?", 1)[0])
        except ValidationError:
            raise wrong from None
    elif value.startswith("tel:"):
        if not PHONE.fullmatch(value.removeprefix("tel:")):
            raise wrong
    else:
        try:
            WEB_ADDRESS(value)
        except ValidationError:
            raise wrong from None


class AddressBlock(CharBlock):
    """An address elsewhere for a link: https://..., mailto:... or tel:..."""

    def __init__(self, **kwargs):
        super().__init__(max_length=500, validators=[validate_address], **kwargs)


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to an address elsewhere."""

    text = CharBlock(max_length=80)
    page = blocks.PageChooserBlock(required=False)
    url = AddressBlock(required=False, label="Or an address elsewhere", help_text=ADDRESS_HELP)

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
    caption = CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "components/blocks/figure.html"


class CallToActionBlock(blocks.StructBlock):
    heading = CharBlock(max_length=100)
    text = blocks.TextBlock(required=False)
    link = LinkBlock()

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action.html"


class AccordionSectionBlock(blocks.StructBlock):
    heading = CharBlock(max_length=120)
    summary = CharBlock(required=False, max_length=200)
    content = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    """Questions and answers. Every section is open when JavaScript does not run."""

    heading = CharBlock(required=False, max_length=120)
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
    text = CharBlock(max_length=250)

    class Meta:
        icon = "warning"
        template = "components/blocks/warning_text.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote.html"


class StatisticBlock(blocks.StructBlock):
    value = CharBlock(max_length=20, help_text="For example 34% or 1,200")
    label = CharBlock(max_length=150, help_text="What the figure counts, in words")
    source = CharBlock(required=False, max_length=150)

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
    title = CharBlock(max_length=150)
    provider = CharBlock(max_length=60, help_text="Where it is hosted, for example YouTube")
    description = blocks.TextBlock(required=False)
    transcript = blocks.PageChooserBlock(required=False, help_text="A page with the transcript")

    class Meta:
        icon = "media"
        template = "components/blocks/embed.html"


class TableBlock(table_blocks.TableBlock):
    """A table of figures or facts, typed or pasted from a spreadsheet, shown as the Design
    System's table. It must have a caption: the caption is the table's name for screen readers
    and for the scrolling box a wide table sits in."""

    def __init__(self, **kwargs):
        # Cells are plain text, always escaped: the HTML renderer would let markup through.
        kwargs["table_options"] = {**(kwargs.get("table_options") or {}), "renderer": "text"}
        kwargs.setdefault(
            "help_text",
            "Give the table a caption saying what it shows, and choose which cells are headings.",
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        # The header choice decides, so a table saved without passing the admin's form (a demo
        # loader, an import) shows its headings too. Wagtail names an old table's "col" choice.
        value = super().to_python(value)
        if value:
            choice = value.get("table_header_choice")
            value["first_row_is_table_header"] = choice in ("row", "both")
            value["first_col_is_header"] = choice in ("column", "col", "both")
        return value

    def clean(self, value):
        # Like required fields, these may wait until the page is published.
        if value and not self.is_deferred_validation:
            if not value.get("table_header_choice"):
                # Before Wagtail's own check, whose message is "Validation error in TableBlock".
                raise ValidationError(
                    "Choose which cells are headings: the first row, the first column, both "
                    "or neither."
                )
            if not (value.get("table_caption") or "").strip():
                raise ValidationError(
                    "Give the table a caption saying what it shows: screen readers announce it "
                    "before the table."
                )
        return super().clean(value)

    def get_searchable_content(self, value):
        # Wagtail indexes the cells; the caption says best what a resident might search for.
        content = super().get_searchable_content(value)
        caption = (value or {}).get("table_caption")
        return [caption, *content] if caption else content

    class Meta:
        icon = "table"
        template = "components/blocks/table.html"


class CouncilContactsBlock(blocks.StaticBlock):
    """Each council's contact details, as the site settings hold them, for a contact page."""

    class Meta:
        icon = "mail"
        label = "Councils' contacts"
        admin_text = "The contact details of each council, from Settings > Site settings."
        template = "components/blocks/council_contacts.html"


class BodyBlock(blocks.StreamBlock):
    """The blocks a general page body offers, in the order editors see them, before those
    feature apps add (registry.BODY_BLOCKS). Bodies are BodyFields (home/fields.py), which
    migrations name rather than writing every block out."""

    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, icon="pilcrow")
    figure = FigureBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    inset_text = InsetTextBlock()
    warning_text = WarningTextBlock()
    quote = QuoteBlock()
    statistic = StatisticBlock()
    table = TableBlock()
    document = DocumentBlock()
    embed = EmbedBlock()
    council_contacts = CouncilContactsBlock()


def body_blocks():
    """The body's blocks as (name, block) pairs, for a StreamBlock of one's own."""
    return list(BodyBlock.base_blocks.items())


class SignpostBlock(blocks.StructBlock):
    heading = CharBlock(max_length=80)
    text = TextBlock(max_length=200)
    link = LinkBlock()

    class Meta:
        icon = "arrow-right"
        template = "components/blocks/signpost.html"
