"""The comms team's list of search synonyms, under Settings."""

from home.viewsets import OfficerViewSet
from search.models import Synonym


class SynonymViewSet(OfficerViewSet):
    model = Synonym
    icon = "search"
    menu_label = "Search synonyms"
    add_to_settings_menu = True
    search_fields = ["terms", "note"]
    list_display = ["__str__", "note"]
