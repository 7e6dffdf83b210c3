"""Importing indicator values from a spreadsheet: all of it, or none of it with every problem listed."""

import io
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from plans.importing import check_rows
from plans.models import IndicatorValue
from tests.plans.factories import make_indicator

pytestmark = pytest.mark.django_db


@pytest.fixture
def indicators(db):
    return [
        make_indicator("total-crime-test", "Total crime", values=[("2021/22", 5000)]),
        make_indicator("asb-test", "Anti-social behaviour", unit="incidents"),
    ]


def write(tmp_path, text, name="values.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return str(path)


def values_of(slug):
    return {
        v.period: v.value
        for v in IndicatorValue.objects.filter(indicator__slug=slug).order_by("period_start")
    }


def test_a_good_file_is_imported_and_replaces_existing_values(indicators, tmp_path, capsys):
    path = write(
        tmp_path,
        "indicator,period,value\n"
        "total-crime-test,2021/22,5123\n"
        'total-crime-test,2022-23,"4,987"\n'
        "asb-test,2022/23 Q1,310.5\n"
        ",,\n",
        encoding="utf-8-sig",  # as Excel saves "CSV UTF-8"
    )
    call_command("import_indicator_values", path)
    assert "Imported 3 values for 2 indicators." in capsys.readouterr().out
    assert values_of("total-crime-test") == {"2021/22": Decimal("5123"), "2022/23": Decimal("4987")}
    assert values_of("asb-test") == {"2022/23 Q1": Decimal("310.5")}


def test_a_bad_file_imports_nothing_and_names_every_bad_line(indicators, tmp_path):
    path = write(
        tmp_path,
        "indicator,period,value\n"
        "total-crime-test,2022/23,4900\n"
        "no-such-indicator,2022/23,10\n"
        "asb-test,2022/24,10\n"
        "asb-test,2023/24,lots\n"
        "total-crime-test,2022-23,4901\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("import_indicator_values", path)
    message = str(error.value)
    assert "Nothing was imported" in message
    assert "line 3: there is no indicator 'no-such-indicator'" in message
    assert "line 4: '2022/24' is not a financial year" in message
    assert "line 5: 'lots' is not a number" in message
    assert "line 6: total-crime-test 2022/23 is already on line 2" in message
    assert "line 2" not in message.replace("on line 2", "")  # the good line is not blamed
    assert values_of("total-crime-test") == {"2021/22": Decimal("5000")}  # unchanged


def test_a_file_without_the_right_columns(indicators, tmp_path):
    with pytest.raises(
        CommandError,
        match="line 1: the header needs the columns indicator, period, value; missing value",
    ):
        call_command(
            "import_indicator_values", write(tmp_path, "indicator,period\nasb-test,2021/22\n")
        )


def test_a_missing_or_unreadable_file(indicators, tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_indicator_values", str(tmp_path / "missing.csv"))
    binary = tmp_path / "values.xlsx"
    binary.write_bytes(b"PK\x03\x04\xff\xfe not text")
    with pytest.raises(CommandError, match="is not UTF-8 text"):
        call_command("import_indicator_values", str(binary))


def test_check_rows_is_a_plain_function():
    rows, problems = check_rows(
        ["Indicator, Period ,Value", "a,2021,1", "a,2021,2", "b,2021,NaN"], {"a", "b"}
    )
    assert [row.line for row in rows] == [2]
    assert problems == ["line 3: a 2021 is already on line 2", "line 4: 'NaN' is not a number"]


def test_a_year_and_its_first_quarter_are_different_periods(indicators, tmp_path):
    call_command(
        "import_indicator_values",
        write(tmp_path, "indicator,period,value\ntotal-crime-test,2021/22 Q1,1200\n"),
    )
    assert values_of("total-crime-test") == {
        "2021/22": Decimal("5000"),
        "2021/22 Q1": Decimal("1200"),
    }


@pytest.mark.parametrize("value", ["1e20", "123456789012345", "1.234"])
def test_numbers_the_database_cannot_hold_are_refused(indicators, tmp_path, value):
    with pytest.raises(
        CommandError, match=r"line 2: .* is too large or has more than 2 decimal places"
    ):
        call_command(
            "import_indicator_values",
            write(tmp_path, f"indicator,period,value\nasb-test,2021/22,{value}\n"),
        )


def test_a_short_row_and_a_byte_order_mark():
    _rows, problems = check_rows(["\ufeffindicator,period,value", "a,2021"], {"a"})
    assert problems == ["line 2: '' is not a number"]


# Numbers as spreadsheets write them: only what can be read one way is accepted.


def value_problems(value):
    """The problems check_rows finds with one value, on line 2."""
    return check_rows(["indicator,period,value", f'a,2021,"{value}"'], {"a"})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234", "1234"),
        ("12,345.5", "12345.5"),
        ("1,234,567", "1234567"),
        ("-1,234", "-1234"),
        ("123,456,789.25", "123456789.25"),
        ("1234", "1234"),
        ("-2.5", "-2.5"),
        ("0.5", "0.5"),
        (".5", "0.5"),
        ("+5", "5"),  # a leading plus cannot be read two ways
        ("  42 ", "42"),  # spaces around a number are only padding
        ("\xa042\xa0", "42"),  # as are non-breaking spaces
        ("1E+3", "1000"),  # how Excel writes large numbers in General format
    ],
)
def test_plain_numbers_and_correct_thousands_grouping_are_accepted(text, expected):
    rows, problems = value_problems(text)
    assert problems == []
    assert rows[0].value == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("1,5", "1.5 or 15"),
        ("12,5", "12.5 or 125"),
        ("1,23", "1.23 or 123"),
        ("1,2345", "1.2345 or 12345"),
        (",5", "0.5 or 5"),
        ("0,125", "0.125 or 125"),  # a group of three, but no one writes 125 as 0,125
        ("-3,5", "-3.5 or -35"),
    ],
)
def test_a_decimal_comma_is_refused_as_ambiguous(text, readings):
    assert value_problems(text) == ([], [f"line 2: '{text}' is ambiguous: write {readings}"])


@pytest.mark.parametrize("text", ["1,234,56", "12,34,567", "1.234,5", "1,,234", "1,234.5,6", "1,"])
def test_other_misplaced_commas_are_refused(text):
    assert value_problems(text) == (
        [],
        [
            f"line 2: '{text}' is not a number: use a point for decimals, and commas only "
            "between groups of three digits, such as 1,234.5"
        ],
    )


@pytest.mark.parametrize(
    "text",
    ["1 234", "1\xa0234", "1\u202f234", "12 5", "1\t5", "1\u200b5", "1\x0c5", "1\u20285"],
)
def test_a_space_or_invisible_character_inside_a_number_is_refused(text):
    """1 234 may be one number grouped with a space, or two numbers run together: write one."""
    assert value_problems(text) == (
        [],
        [
            f"line 2: '{text}' has a space or an invisible character in it: "
            "write the number without it"
        ],
    )


@pytest.mark.parametrize(
    ("text", "sign", "number"),
    [("12%", "%", "12"), ("12.5 %", "%", "12.5"), ("£1,234", "£", "1,234"), ("€5", "€", "5")],
)
def test_percent_and_currency_signs_are_refused_with_the_number_to_write(text, sign, number):
    """The indicator's unit says what a value measures; a sign in the cell may disagree with it."""
    assert value_problems(text) == (
        [],
        [
            f"line 2: '{text}' has a {sign} sign: write the number alone, such as {number} "
            "(the indicator's unit says what it measures)"
        ],
    )


@pytest.mark.parametrize("text", ["(5)", "١٢", "１２", "−5", "5-", "Infinity", "0x10", "1_000"])
def test_other_things_that_look_like_numbers_are_refused(text):
    assert value_problems(text) == ([], [f"line 2: '{text}' is not a number"])


def test_the_importer_refuses_an_ambiguous_value_and_imports_nothing(indicators, tmp_path):
    path = write(
        tmp_path,
        'indicator,period,value\nasb-test,2021/22,"1,234"\ntotal-crime-test,2022/23,"1,5"\n',
    )
    with pytest.raises(CommandError) as error:
        call_command("import_indicator_values", path)
    assert "line 3: '1,5' is ambiguous: write 1.5 or 15" in str(error.value)
    assert values_of("asb-test") == {}


# Rows: only a real CSV line break ends one.

LINE_SEPARATORS_THAT_ARE_NOT_CSV_ROW_ENDS = [
    "\x0b",  # vertical tab
    "\x0c",  # form feed, as a copied page break
    "\x1c",
    "\x1d",
    "\x1e",
    "\x85",  # next line
    "\u2028",  # line separator
    "\u2029",  # paragraph separator
]


@pytest.mark.parametrize("separator", LINE_SEPARATORS_THAT_ARE_NOT_CSV_ROW_ENDS)
def test_a_unicode_line_separator_inside_a_cell_does_not_split_the_row(
    indicators, tmp_path, separator
):
    path = write(
        tmp_path,
        "indicator,period,value,note\n"
        f"asb-test,2021/22,10,first{separator}asb-test,2022/23,99\n"
        f'asb-test,2022/23,20,"quoted{separator}note"\n'
        "asb-test,2023/24,lots,\n",
    )
    with pytest.raises(CommandError) as error:
        call_command("import_indicator_values", path)
    problems = str(error.value).split("\n")[1:]
    assert problems == ["line 4: 'lots' is not a number"]


@pytest.mark.parametrize("separator", LINE_SEPARATORS_THAT_ARE_NOT_CSV_ROW_ENDS)
def test_a_unicode_line_separator_in_a_good_file_is_only_part_of_a_note(
    indicators, tmp_path, separator
):
    path = write(
        tmp_path,
        "indicator,period,value,note\n"
        f"asb-test,2021/22,10,first{separator}asb-test,2022/23,99\n"
        "asb-test,2022/23,20,\n",
    )
    call_command("import_indicator_values", path)
    assert values_of("asb-test") == {"2021/22": Decimal("10"), "2022/23": Decimal("20")}


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_a_line_break_inside_a_quoted_cell_keeps_rows_as_a_spreadsheet_shows_them(
    indicators, tmp_path, newline
):
    """A spreadsheet shows a cell with a line break in it as one row: the problems name the row
    a spreadsheet shows and, where it differs, the line a text editor shows."""
    text = newline.join(
        [
            "indicator,period,value,note",
            'asb-test,2021/22,10,"two',
            'lines"',
            "asb-test,2022/23,20,",
            "asb-test,2023/24,lots,",
            "asb-test,2022/23,30,",
            "",
        ]
    )
    path = tmp_path / "values.csv"
    path.write_bytes(text.encode())
    with pytest.raises(CommandError) as error:
        call_command("import_indicator_values", str(path))
    assert str(error.value).split("\n")[1:] == [
        "line 4 (line 5 in a text editor): 'lots' is not a number",
        "line 5 (line 6 in a text editor): asb-test 2022/23 is already on line 3",
    ]


def test_check_rows_reads_lines_as_a_file_gives_them_or_the_whole_text():
    text = 'indicator,period,value,note\na,2021,1,"x\x0cy"\na,2022,"2,5",\n'
    expected = ["line 3: '2,5' is ambiguous: write 2.5 or 25"]
    assert check_rows(text, {"a"})[1] == expected
    assert check_rows(io.StringIO(text, newline=""), {"a"})[1] == expected


def test_a_cell_too_large_to_read_is_a_problem_not_a_crash(indicators, tmp_path):
    path = write(tmp_path, "indicator,period,value\nasb-test,2021/22,10\n" + "x" * 200_000 + "\n")
    with pytest.raises(CommandError) as error:
        call_command("import_indicator_values", path)
    assert "line 3: this row cannot be read as CSV: field larger than field limit" in str(
        error.value
    )
    assert values_of("asb-test") == {}


def test_standard_input_keeps_a_form_feed_inside_its_cell(indicators, monkeypatch):
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("indicator,period,value,note\nasb-test,2021/22,7,a\x0cb\n")
    )
    call_command("import_indicator_values", "-")
    assert values_of("asb-test") == {"2021/22": Decimal("7")}
