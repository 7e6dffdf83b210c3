"""The `paragraphs` filter: plain text typed in the admin, as escaped paragraphs and lists."""

from django.template import Context, Template


def render(text, arg=""):
    template = "{% load site_tags %}{{ text|paragraphs" + (f':"{arg}"' if arg else "") + " }}"
    return Template(template).render(Context({"text": text}))


def test_blank_lines_make_paragraphs_and_single_breaks_stay():
    assert render("One\ntwo\n\nThree") == (
        '<p class="govuk-body">One<br>two</p><p class="govuk-body">Three</p>'
    )


def test_lines_starting_with_a_bullet_or_a_number_are_lists():
    assert render("Schools:\n- Facilitating talks\n• Training\n* Visits\n1. First\n2) Second") == (
        '<p class="govuk-body">Schools:</p>'
        '<ul class="govuk-list govuk-list--bullet"><li>Facilitating talks</li><li>Training</li>'
        "<li>Visits</li></ul>"
        '<ol class="govuk-list govuk-list--number"><li>First</li><li>Second</li></ol>'
    )


def test_an_indented_line_carries_on_its_list_item():
    assert render("- One\n  more of one\n- Two") == (
        '<ul class="govuk-list govuk-list--bullet"><li>One<br>more of one</li><li>Two</li></ul>'
    )


def test_everything_is_escaped():
    html = render('<script>alert("x")</script>\n- <b>bold</b> & more')
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<li>&lt;b&gt;bold&lt;/b&gt; &amp; more</li>" in html


def test_numbers_and_dashes_that_are_not_list_marks_stay_text():
    assert render("-5% on last year\n2026. A year") == (
        '<p class="govuk-body">-5% on last year<br>2026. A year</p>'
    )


def test_the_paragraph_class_can_be_chosen_and_empty_text_is_nothing():
    assert render("Hello", "govuk-body-l") == '<p class="govuk-body-l">Hello</p>'
    assert render("") == ""
    assert render(None) == ""
