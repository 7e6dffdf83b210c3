"""The comms team's search synonyms (under Settings) and the search terms report (Reports)."""

from datetime import timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.auth import PermissionPolicyChecker
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.search_promotions.models import Query
from wagtail.permission_policies import ModelPermissionPolicy

from home.viewsets import OfficerViewSet
from search.models import FoundNothing, Synonym


class SynonymViewSet(OfficerViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Search synonyms"
    add_to_settings_menu = True
    search_fields = ["terms", "note"]
    list_display = ["__str__", "note"]


class SearchTermsView(WagtailAdminTemplateMixin, TemplateView):
    """What residents searched for most in the last WAGTAILSEARCH_HITS_MAX_AGE days, and what
    found nothing: for the comms team, who may promote a page for a term or add a synonym."""

    template_name = "search/admin/search_terms.html"
    page_title = "Search terms"
    header_icon = "search"
    SHOWN = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        since = timezone.localdate() - timedelta(days=settings.WAGTAILSEARCH_HITS_MAX_AGE)
        context["days"] = settings.WAGTAILSEARCH_HITS_MAX_AGE
        context["popular"] = [
            (query.query_string, query._hits)
            for query in Query.get_most_popular(date_since=since)[: self.SHOWN]
        ]
        context["found_nothing"] = (
            FoundNothing.objects.filter(date__gte=since)
            .values("query_string")
            .annotate(searches=Sum("hits"))
            .order_by("-searches", "query_string")[: self.SHOWN]
        )
        return context


synonym_permissions = PermissionPolicyChecker(ModelPermissionPolicy(Synonym))
search_terms_view = synonym_permissions.require_any("change", "add")(SearchTermsView.as_view())
