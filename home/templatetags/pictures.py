"""`{% picture %}`, as Wagtail's, but listing each width once in a srcset.

Wagtail does not enlarge an image, so a picture narrower than the widths a template asks for
has several renditions of the same width, and Wagtail 8 lists each of them: a srcset with one
width twice is invalid HTML, and the browser keeps only one anyway (wagtail/wagtail#12389).
Load this library instead of wagtailimages_tags for the tag: `{% load pictures %}`.
"""

from django import template
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags import wagtailimages_tags

register = template.Library()


class EachWidthOnce(Picture):
    @classmethod
    def get_width_srcset(cls, renditions_list):
        """Each width once, the first rendition of it, always with its width: a single
        candidate keeps its descriptor too, as the `sizes` our templates give requires."""
        by_width = {}
        for rendition in renditions_list:
            by_width.setdefault(rendition.width, rendition)
        return ", ".join(f"{rendition.url} {width}w" for width, rendition in by_width.items())


class PictureNode(wagtailimages_tags.PictureNode):
    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = EachWidthOnce(renditions)
            return ""
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        return EachWidthOnce(renditions, attrs).__html__()


@register.tag
def picture(parser, token):
    """Read as Wagtail reads its own `{% picture %}` tag."""
    wagtails = wagtailimages_tags.image(parser, token)
    return PictureNode(
        wagtails.image_expr,
        wagtails.filter_specs,
        output_var_name=wagtails.output_var_name,
        attrs=wagtails.attrs,
    )
