from wagtail.snippets.models import register_snippet

from plans.views import PlansViewSetGroup

register_snippet(PlansViewSetGroup)
