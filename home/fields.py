"""Model fields every app shares."""

from django.utils.functional import cached_property
from wagtail.fields import StreamField

from home import registry
from home.blocks import BodyBlock


class BodyField(StreamField):
    """A page's body: BodyBlock's blocks, then those feature apps register (BODY_BLOCKS).

    Migrations name this field instead of copying out BodyBlock's definition (3.4 KB for each
    body), so adding or changing a block of the body is one change in home/blocks.py and needs no
    migration in every app. A migration written before this field keeps its copy."""

    def __init__(self, *args, **kwargs):
        kwargs.pop("block_lookup", None)
        super().__init__(BodyBlock, **kwargs)

    @cached_property
    def stream_block(self):
        # Asked for once the apps are loaded (forms, checks, reading a value), when every
        # feature's wagtail_hooks.py can be imported.
        block = BodyBlock(registry.body_blocks())
        block.set_meta_options(self.block_opts)
        return block

    def deconstruct(self):
        # Django's own, not StreamField's, which writes every block out.
        name, path, _args, kwargs = super(StreamField, self).deconstruct()
        return name, path, [], kwargs
