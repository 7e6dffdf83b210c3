"""Text boxes in StreamField blocks say their limit and refuse longer text with a clear message,
like the admin's model fields (home/forms.py), instead of a `maxlength` cutting a paste short."""

import json

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from wagtail import blocks
from wagtail.admin.telepath import JSContext
from wagtail.fields import StreamField

from home.blocks import BodyBlock, CharBlock, SignpostBlock, StatisticBlock, TextBlock, body_blocks
from home.forms import LimitedCharField


def admin_definition(block):
    """The block as the admin's StreamField editor receives it: widget HTML and meta as JSON."""
    return json.dumps(JSContext().pack(block))


def field_blocks(block):
    """Every field block inside a block, however deeply nested."""
    if isinstance(block, blocks.FieldBlock):
        yield block
    elif isinstance(block, blocks.ListBlock):
        yield from field_blocks(block.child_block)
    elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        for child in block.child_blocks.values():
            yield from field_blocks(child)


def test_the_admin_gets_no_maxlength_but_the_limit_in_words():
    packed = admin_definition(CharBlock(max_length=20))
    assert "maxlength" not in packed.lower()
    assert "Up to 20 characters." in packed
    assert 'data-max-length=\\"20\\"' in packed


def test_wagtails_help_text_is_kept_and_the_limit_follows_it():
    block = StatisticBlock().child_blocks["value"]
    assert block.field.help_text == "For example 34% or 1,200. Up to 20 characters."
    assert block.get_description() == "For example 34% or 1,200. Up to 20 characters."
    assert "For example 34% or 1,200. Up to 20 characters." in admin_definition(block)
    # No limit, no words added.
    assert CharBlock(help_text="Leave blank").field.help_text == "Leave blank"


def test_too_long_is_refused_with_the_message_and_at_the_limit_passes():
    block = CharBlock(max_length=20)
    with pytest.raises(ValidationError) as refused:
        block.clean("x" * 21)
    assert refused.value.messages == [
        "This is 21 characters long; the limit is 20. Shorten it, then save again: "
        "nothing has been saved."
    ]
    assert block.clean("x" * 20) == "x" * 20


def test_required_and_min_length_still_work():
    with pytest.raises(ValidationError):
        CharBlock(max_length=20).clean("")
    assert CharBlock(max_length=20, required=False).clean("") == ""
    with pytest.raises(ValidationError):
        CharBlock(min_length=3).clean("ab")


def test_a_page_body_refuses_too_long_text_inside_a_block():
    body = blocks.StreamBlock(body_blocks())
    value = body.to_python(
        [{"type": "statistic", "value": {"value": "x" * 21, "label": "Burglaries"}}]
    )
    with pytest.raises(blocks.StreamBlockValidationError) as refused:
        body.clean(value)
    statistic_errors = refused.value.block_errors[0]
    assert "the limit is 20" in statistic_errors.block_errors["value"].messages[0]


def test_a_multi_line_text_box_with_a_limit_behaves_the_same():
    block = SignpostBlock().child_blocks["text"]
    assert isinstance(block, TextBlock)
    packed = admin_definition(block)
    assert "<textarea" in packed and "maxlength" not in packed.lower()
    assert "Up to 200 characters." in packed
    with pytest.raises(ValidationError, match="the limit is 200"):
        block.clean("x" * 201)
    assert block.clean("x" * 200) == "x" * 200


def test_every_text_box_in_every_stream_field_has_no_maxlength():
    checked = 0
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            for block in field_blocks(field.stream_block):
                if getattr(block.field, "max_length", None) is None:
                    continue
                checked += 1
                assert isinstance(block.field, LimitedCharField), (model, field.name, block.name)
                assert "maxlength" not in block.field.widget.attrs, (model, field.name, block.name)
            assert "maxlength" not in admin_definition(field.stream_block).lower(), model
    assert checked > 10  # the body blocks alone have more


def test_the_blocks_deconstruct_for_migrations_and_rebuild_equal():
    block = CharBlock(max_length=80, help_text="Shown on the button")
    path, args, kwargs = block.deconstruct()
    assert path == "home.blocks.CharBlock"
    assert (args, kwargs) == ((), {"max_length": 80, "help_text": "Shown on the button"})
    assert import_string(path)(*args, **kwargs) == block
    assert TextBlock(max_length=200).deconstruct() == (
        "home.blocks.TextBlock",
        (),
        {"max_length": 200},
    )
    # A whole body, as makemigrations writes it, and as a migration rebuilds it.
    _name, path, args, kwargs = StreamField(body_blocks(), blank=True).deconstruct()
    paths = {definition[0] for definition in kwargs["block_lookup"].values()}
    assert {"home.blocks.CharBlock", "home.blocks.TableBlock"} <= paths
    rebuilt = import_string(path)(*args, **kwargs).stream_block
    statistic_value = rebuilt.child_blocks["statistic"].child_blocks["value"]
    assert isinstance(statistic_value, CharBlock)
    assert statistic_value.field.help_text == "For example 34% or 1,200. Up to 20 characters."


def test_a_page_body_is_written_into_migrations_by_name_not_block_by_block():
    from django.db.migrations.writer import MigrationWriter

    from home.fields import BodyField
    from home.models import StandardPage

    field = StandardPage._meta.get_field("body")
    assert isinstance(field, BodyField)
    _name, path, args, kwargs = field.deconstruct()
    assert (path, args, kwargs) == ("home.fields.BodyField", [], {"blank": True})
    written, _imports = MigrationWriter.serialize(field)
    assert written == "home.fields.BodyField(blank=True)"
    rebuilt = import_string(path)(*args, **kwargs)
    # BodyBlock's own blocks, then those campaigns and plans register (home names no feature
    # app), in the order the apps' hooks load.
    registered = ["indicator_comparison", "reporting_route"]
    assert list(rebuilt.stream_block.child_blocks) == [*BodyBlock.base_blocks, *registered]
    assert not set(registered) & set(BodyBlock.base_blocks)


def test_searchable_content_is_unchanged():
    assert CharBlock(max_length=20).get_searchable_content("Burglary") == ["Burglary"]
    assert CharBlock(max_length=20, search_index=False).get_searchable_content("x") == []


@pytest.mark.parametrize(
    "address",
    [
        "https://www.harborough.gov.uk/community-safety",
        "mailto:communitysafety@harborough.gov.uk",
        "mailto:team@example.org?subject=Hello",
        "tel:0116 305 0000",
        "tel:+44 116 305 0000",
    ],
)
def test_a_link_elsewhere_may_be_a_web_address_an_email_or_a_phone(address):
    from home.blocks import LinkBlock

    block = LinkBlock()
    value = block.clean(block.to_python({"text": "Contact us", "page": None, "url": address}))
    assert value["url"] == address


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "mailto:not an email", "tel:call me", "ftp://x.org/a"]
)
def test_other_addresses_are_refused_with_a_clear_message(address):
    from wagtail.blocks import StructBlockValidationError

    from home.blocks import LinkBlock

    block = LinkBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(block.to_python({"text": "Contact us", "page": None, "url": address}))
    assert "is not an address a link can go to" in str(raised.value.block_errors["url"])


@pytest.mark.django_db
def test_every_demo_page_can_be_saved_again_as_it_is(demo):
    """The demo's own content passes the checks an editor's would: an officer can open any page
    and publish it without having to fix what the demo put there."""
    from wagtail.fields import StreamField
    from wagtail.models import Page

    for page in Page.objects.filter(depth__gt=1).specific():
        for field in page._meta.get_fields():
            if isinstance(field, StreamField):
                value = getattr(page, field.name)
                field.stream_block.clean(value)  # raises with what is wrong


def test_every_page_body_is_the_one_body_block():
    """One definition of a page body (home.blocks.BodyBlock), so a block added to it is offered
    on every page type with a body."""
    from home.blocks import BodyBlock

    bodies = [
        model._meta.label
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if field.name == "body" and isinstance(field, StreamField)
    ]
    assert len(bodies) >= 6
    for model in apps.get_models():
        field = next((f for f in model._meta.get_fields() if f.name == "body"), None)
        if isinstance(field, StreamField):
            assert isinstance(field.stream_block, BodyBlock), model._meta.label
    assert list(BodyBlock().child_blocks)[:2] == ["text", "figure"]
