"""Importing indicator values from a spreadsheet: all of it, or none of it with every problem listed."""

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
