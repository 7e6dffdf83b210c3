"""What every partnership starts with: the home page at the site's address, the teams and what
they may do, and the pages a public body must have, as drafts to complete.

Run by `manage.py setup_partnership` (and by `load_demo` before the demo content). Each app adds
its own section in its `starter.py`, in the order of settings.LOCAL_APPS; everything only adds
what is missing, so running it again changes nothing, and nothing an editor changed is undone.
"""

from django.conf import settings
from django.utils.html import escape
from wagtail.models import WorkflowPage

from home.ensure import ensure_page, grant, stream
from home.models import SiteSettings, StandardPage
from home.site_setup import create_home_page, point_site_at

# Who does what. Each app's starter adds its section's permissions to these groups.
COMMS_TEAM = "Comms team"
# Approve campaigns that others in the comms team submit (never their own).
COMMS_LEADS = "Comms leads"
PARTNERSHIP_OFFICERS = "Partnership officers"
PARISH_EDITORS = "Parish editors"

# What a team that owns a section of the site may do with its pages. Wagtail has no separate
# "delete" page permission: editing (and publishing, for a live page) lets a team delete a page
# with nothing under it; bulk_delete_page lets it delete one with pages under it too, such as a
# plan made by mistake along with its priorities. Without publish_page, a team still cannot
# delete anything that is live.
SECTION_DELETING = ("bulk_delete_page",)
PAGE_EDITING = (
    "add_page", "change_page", "publish_page", *SECTION_DELETING, "lock_page", "unlock_page",
)  # fmt: skip
# Editing without publishing: what the team writes goes live through a workflow.
PAGE_DRAFTING = ("add_page", "change_page", *SECTION_DELETING, "lock_page", "unlock_page")

EVERYONE = ("wagtailadmin.access_admin",)
MEDIA = (
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
)


def set_up(command):
    home = create_home_page(title=command.partnership_name, site_name=command.short_name)
    site = point_site_at(home, command.short_name)
    drafts = ensure_standard_pages(home, command.partnership_name)
    ensure_site_settings(site, command, drafts)
    ensure_groups(home)
    command.say("Home: the home page, site settings, teams and standard pages are in place.")
    command.to_complete(*drafts.values())


def ensure_site_settings(site, command, drafts):
    """The partnership's names, the safety advice beside 'Exit this page' and the footer's
    links (each hidden until its page is published); an existing choice is kept."""
    site_settings = SiteSettings.for_site(site)
    unnamed = SiteSettings._meta.get_field("partnership_name").default
    if site_settings.partnership_name in ("", unnamed):
        site_settings.partnership_name = command.partnership_name
    site_settings.short_name = site_settings.short_name or command.short_name
    if site_settings.safety_advice_page_id is None:
        site_settings.safety_advice_page = drafts["safety"]
    if not site_settings.footer_links:
        site_settings.footer_links = stream(
            ("link", {"text": page.title, "page": page.pk, "url": ""})
            for page in (drafts["accessibility"], drafts["privacy"])
        )
    site_settings.save()
    return site_settings


def ensure_groups(home):
    grant(
        COMMS_TEAM,
        model_permissions=(
            *EVERYONE,
            "home.add_alertbanner",
            "home.change_alertbanner",
            "home.delete_alertbanner",
            "home.publish_alertbanner",
        ),
        # Wagtail's page permissions cover a page and everything below it, so the comms team gets
        # the general pages one by one rather than the home page: that would take in the plans,
        # which only partnership officers edit. Each feature app grants its own section.
        pages=StandardPage.objects.child_of(home),
        page_permissions=PAGE_EDITING,
        collection_permissions=MEDIA,
    )
    grant(COMMS_LEADS, model_permissions=EVERYONE)
    # Wagtail starts every site with a "Moderators approval" workflow on the whole tree, for a
    # Moderators group nobody here is in: work submitted to it would wait for ever. Each section
    # has a workflow with real approvers instead (Comms approval, Parish approval).
    WorkflowPage.objects.filter(page__depth=1, workflow__name="Moderators approval").delete()
    grant(PARTNERSHIP_OFFICERS, model_permissions=EVERYONE, collection_permissions=MEDIA)
    grant(
        PARISH_EDITORS,
        model_permissions=EVERYONE,
        collection_permissions=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
    )


# The standard pages ---------------------------------------------------------------------------
# Drafts: what only the partnership can give (its contact details, who controls the data, dates)
# is in square brackets, and a page cannot be published until they are filled in (home/forms.py).
# The partnership's name and what the site itself does are already written in.


def ensure_standard_pages(home, name):
    return {
        "accessibility": ensure_page(
            home,
            StandardPage,
            "accessibility-statement",
            publish=False,
            title="Accessibility statement",
            introduction="How accessible this website is, and what to do if something does not "
            "work for you.",
            body=[("text", accessibility_statement(name))],
        ),
        "privacy": ensure_page(
            home,
            StandardPage,
            "privacy",
            publish=False,
            title="Privacy notice",
            introduction="What this website records about you: nothing that identifies you, "
            "unless you sign in to edit it.",
            body=[("text", privacy_notice(name))],
        ),
        "safety": ensure_page(
            home,
            StandardPage,
            "using-this-site-safely",
            publish=False,
            title="Using this site safely",
            show_quick_exit=True,
            introduction="If someone might check what you do online, these steps make it harder "
            "for them to see that you visited.",
            body=SAFETY_ADVICE,
        ),
    }


def accessibility_statement(name):
    return (
        f"<p>This website is run by {escape(name)}. We want as many people as possible to "
        "be able to use it. You should be able to zoom in to 400% without text spilling off the "
        "screen, move around the site with just a keyboard or speech recognition software, and "
        "listen to it with a screen reader.</p>"
        "<h2>How accessible this website is</h2>"
        "<p>The pages are built to meet the Web Content Accessibility Guidelines version 2.2 at AA "
        "standard, and every type of page is checked automatically before each release. Some "
        "documents we publish, such as older PDF reports, may not be fully accessible: [list them, "
        "or remove this sentence].</p>"
        "<h2>Feedback and contact information</h2>"
        "<p>If you need information on this website in a different format, or find something that "
        "does not work, email [the team's email address] or call [the team's phone number], and "
        "tell us the address of the page. We will reply within [number] working days.</p>"
        "<h2>Enforcement procedure</h2>"
        "<p>The Equality and Human Rights Commission is responsible for enforcing the accessibility "
        "regulations. If you are not happy with how we respond to your complaint, contact the "
        "Equality Advisory and Support Service (EASS).</p>"
        "<h2>Preparation of this statement</h2>"
        "<p>This statement was prepared on [date]. It was last reviewed on [date].</p>"
    )


def privacy_notice(name):
    days = settings.WAGTAILSEARCH_HITS_MAX_AGE
    return (
        f"<p>{escape(name)} is responsible for this website. [The organisation that "
        "controls the data, usually the lead council] is the data controller, and its data "
        "protection officer can be reached at [address].</p>"
        "<h2>Cookies</h2><p>The public pages of this website set no cookies and use no "
        "analytics or tracking. Cookies are set only for people who sign in to edit it.</p>"
        "<h2>Searches</h2><p>The words people type into the search box are counted, with "
        "nothing about who typed them, so that the partnership can see what residents look for "
        f"and what they do not find. They are deleted after {days} days. Please do not type "
        "your own or anyone else's personal details into the search box.</p>"
        "<h2>Links to other websites</h2><p>Links to organisations that can help take you to "
        "their own websites, which have their own privacy notices.</p>"
        "<h2>Your rights</h2><p>You can ask what we hold about you, and complain to the "
        "Information Commissioner's Office if you are unhappy with how it is used.</p>"
    )


SAFETY_ADVICE = [
    (
        "text",
        "<h2>Leave quickly</h2>"
        "<p>Pages about abuse and other sensitive subjects have an 'Exit this page' button. "
        "Select it, or press the Shift key three times, to go straight to a weather website.</p>"
        "<h2>Use a private window</h2>"
        "<p>A private or incognito window does not keep a history of the pages you visit once "
        "you close it. Open one from your browser's menu before you visit a support service.</p>"
        "<h2>Clear your history</h2>"
        "<p>You can delete pages from your browser's history. Delete only the pages you want "
        "to hide: a history that is suddenly empty can raise suspicion.</p>",
    ),
    (
        "warning_text",
        {
            "text": "Clearing your history does not erase every trace: your internet provider, an "
            "employer's network or software on the device may still keep a record."
        },
    ),
    (
        "text",
        "<h2>Use a safer device</h2><p>If you can, use a phone or computer the person does not "
        "have access to, such as one at a library or a friend's house.</p>",
    ),
]
