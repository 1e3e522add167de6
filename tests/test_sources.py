"""Tests of geo.io.documents: reading articles, date headers, language detection, bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from geo.errors import InputError
from geo.io.documents import (
    InputWarning,
    Problem,
    detect_language,
    html_to_text,
    iter_documents,
    make_document,
    parse_date,
    parse_date_header,
    read_documents,
)
from geo.lang import LANGUAGES

FR = (
    "Les combats ont repris dans la région, selon le ministère de la Défense, et les civils fuient."
)
EN = "Fighting resumed in the region on Monday, the defence ministry said, and civilians fled."


# --------------------------------------------------------------------------- dates


def test_parse_date_precisions() -> None:
    assert parse_date("2020-10") == (dt.date(2020, 10, 1), "month")
    assert parse_date("2020-10-04") == (dt.date(2020, 10, 4), "day")
    assert parse_date("2020") == (dt.date(2020, 1, 1), "year")
    assert parse_date("2020-10-04T23:10:00+02:00") == (dt.date(2020, 10, 4), "day")
    assert parse_date("04/10/2020") == (dt.date(2020, 10, 4), "day")


@pytest.mark.parametrize("bad", ["", "octobre", "2020-13-01", "2020-02-30", "20-10-2020x"])
def test_parse_date_rejects_with_a_clear_message(bad: str) -> None:
    with pytest.raises(InputError, match="date"):
        parse_date(bad)


def test_header_with_leading_space_and_text_on_the_same_line() -> None:
    text = " date 2020-10 L'impact de tirs près d'une maison"
    assert parse_date_header(text) == (dt.date(2020, 10, 1), "month", 13)
    assert text[13:].startswith(" L'impact")


def test_header_variants() -> None:
    assert parse_date_header("date 2020-10-04\nBody") == (dt.date(2020, 10, 4), "day", 15)
    assert parse_date_header("Date: 2020-10-04\n")[0] == dt.date(2020, 10, 4)  # type: ignore[index]
    assert parse_date_header("\ufeffdate 2020-10-04\n")[1] == "day"  # type: ignore[index]
    assert parse_date_header("date 2020-13\n") is None  # impossible month: no header
    assert parse_date_header("The date 2020-10-04 was") is None
    assert parse_date_header("date 2020-10-045") is None


@given(st.text(max_size=60))
def test_header_parser_never_crashes(text: str) -> None:
    found = parse_date_header(text)
    if found is not None:
        assert 0 < found[2] <= len(text)


# --------------------------------------------------------------------------- language


def test_detect_language() -> None:
    assert detect_language(FR) == "fr"
    assert detect_language(EN) == "en"
    assert detect_language("Bakou Erevan Stepanakert") == "und"
    assert detect_language("") == "und"


@given(st.text(max_size=300))
def test_detect_language_total(text: str) -> None:
    assert detect_language(text) in (*LANGUAGES, "und")


def test_make_document_reads_header_and_language() -> None:
    doc = make_document("date 2020-10-02\n" + FR, doc_id="x")
    assert (doc.date, doc.date_precision, doc.lang, doc.body_start) == (
        dt.date(2020, 10, 2),
        "day",
        "fr",
        15,
    )
    forced = make_document(FR, lang="en", date="2020-10")
    assert (forced.lang, forced.date, forced.date_precision) == (
        "en",
        dt.date(2020, 10, 1),
        "month",
    )


# --------------------------------------------------------------------------- formats


def test_text_markdown_html_and_folders(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2020-10-04\n" + FR, encoding="utf-8")
    (tmp_path / "b.md").write_text("# Titre\n\n" + EN, encoding="utf-8")
    sub = tmp_path / "sub"
    sub.mkdir()
    (sub / "c.html").write_text(
        "<html><head><title>Ganja</title><style>p{}</style></head>"
        "<body><script>var Bakou = 1;</script><p>Ganja a &eacute;t&eacute; frapp&eacute;e.</p>"
        "<p>Second paragraphe.</p></body></html>",
        encoding="utf-8",
    )
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    docs = {Path(d.doc_id).name: d for d in iter_documents(tmp_path)}
    assert sorted(docs) == ["a.txt", "b.md", "c.html"]
    assert docs["a.txt"].date == dt.date(2020, 10, 4)
    assert docs["a.txt"].text.startswith("date 2020-10-04\n")  # offsets index the whole file
    assert docs["b.md"].lang == "en"
    assert docs["c.html"].text == "Ganja a été frappée.\nSecond paragraphe."
    assert docs["c.html"].title == "Ganja"


def test_glob_patterns(tmp_path: Path) -> None:
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(EN, encoding="utf-8")
    docs = read_documents(str(tmp_path / "x*.txt"))
    assert [Path(d.doc_id).name for d in docs] == ["x1.txt", "x2.txt"]


def test_html_to_text_keeps_blocks_apart() -> None:
    text, title = html_to_text("<div>Bakou<br>Erevan</div><ul><li>A</li><li>B</li></ul>")
    assert text == "Bakou\nErevan\nA\nB"
    assert title is None


def test_stdin() -> None:
    docs = read_documents("-", stdin=io.StringIO("date 2020-10-11\nGanja was hit."))
    assert len(docs) == 1
    assert docs[0].doc_id == "<stdin>"
    assert docs[0].date == dt.date(2020, 10, 11)


def test_jsonl_with_configurable_columns(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    rows = [
        {"body": FR, "published": "2020-10-02", "headline": "T1", "link": "http://a", "uid": 7},
        {"body": EN, "published": "2 October 2020"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    docs = read_documents(
        path,
        text_column="body",
        date_column="published",
        title_column="headline",
        url_column="link",
        id_column="uid",
    )
    assert [d.doc_id for d in docs] == ["7", f"{path}:2"]
    assert docs[0].title == "T1" and docs[0].url == "http://a"
    assert [d.date for d in docs] == [dt.date(2020, 10, 2)] * 2
    assert [d.lang for d in docs] == ["fr", "en"]


def test_csv_with_default_names_and_quoted_newlines(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        'id;date;text\n1;2020-10-04;"Ganja was shelled.\nTwo lines."\n2;;"Bakou."\n',
        encoding="utf-8",
    )
    docs = read_documents(path)
    assert [d.doc_id for d in docs] == ["1", "2"]
    assert docs[0].text == "Ganja was shelled.\nTwo lines."
    assert docs[0].date == dt.date(2020, 10, 4) and docs[1].date is None


# --------------------------------------------------------------------------- bad input


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n ")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10)
    (tmp_path / "good.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    (tmp_path / "page.txt").write_text("<!DOCTYPE html><p>Bakou</p>", encoding="utf-8")
    problems: list[Problem] = []
    docs = read_documents([tmp_path, tmp_path / "missing.txt"], problems=problems)
    assert [(Path(d.doc_id).name, d.text) for d in docs] == [
        ("good.txt", EN),
        ("page.txt", "Bakou"),
    ]
    messages = {Path(p.source).name: p.message for p in problems}
    assert "PDF" in messages["report.txt"]
    assert "empty" in messages["empty.txt"]
    assert "empty" in messages["blank.txt"]
    assert "binary" in messages["binary.txt"]
    assert "no such file" in messages["missing.txt"]
    assert all(p.level == "error" for p in problems)


def test_without_a_problem_list_the_first_error_raises(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    with pytest.raises(InputError, match=r"empty\.txt: empty file"):
        read_documents(bad)


def test_invalid_utf8_is_decoded_with_a_warning(tmp_path: Path) -> None:
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Les combats à Hadrout ont été très violents.".encode("cp1252"))
    mostly = tmp_path / "broken.txt"
    mostly.write_bytes("Erevan et Bakou – “bilan”".encode() + b"\xff fin")
    problems: list[Problem] = []
    with pytest.warns(InputWarning, match="invalid UTF-8"):
        docs = read_documents([latin, mostly], problems=problems)
    assert docs[0].text == "Les combats à Hadrout ont été très violents."
    assert docs[1].text == "Erevan et Bakou – “bilan”\ufffd fin"
    assert [p.level for p in problems] == ["warning", "warning"]
    assert "Windows-1252" in problems[0].message


def test_a_50_mb_single_line_is_skipped_quickly(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"Bakou " * (50_000_000 // 6))
    (tmp_path / "ok.txt").write_text(EN, encoding="utf-8")
    problems: list[Problem] = []
    docs = read_documents(tmp_path, problems=problems)
    assert [Path(d.doc_id).name for d in docs] == ["ok.txt"]
    assert len(problems) == 1
    assert "huge.txt" in str(problems[0])
    assert "longer than the limit" in problems[0].message


def test_malformed_jsonl_and_csv_rows_name_the_row(tmp_path: Path) -> None:
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(
        json.dumps({"text": EN}) + "\n{not json\n" + json.dumps([1]) + "\n"
        '{"title": "no text"}\n' + json.dumps({"text": FR}) + "\n",
        encoding="utf-8",
    )
    csv_path = tmp_path / "c.csv"
    csv_path.write_text(
        "text,date\nGanja was shelled,2020-10-01\nonly,three,fields\n,\n", encoding="utf-8"
    )
    problems: list[Problem] = []
    docs = read_documents([jsonl, csv_path], problems=problems)
    assert len(docs) == 3
    where = [(Path(p.source).name, p.row) for p in problems]
    assert where == [("c.jsonl", 2), ("c.jsonl", 3), ("c.jsonl", 4), ("c.csv", 3), ("c.csv", 4)]
    assert "malformed JSON" in problems[0].message
    assert "no text column" in problems[2].message
    assert "3 fields where the header has 2" in problems[3].message
    assert str(problems[0]).startswith(f"{jsonl}, row 2: ")


def test_unreadable_date_column_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": EN, "date": "yesterday"}) + "\n", encoding="utf-8")
    problems: list[Problem] = []
    docs = read_documents(path, problems=problems)
    assert docs[0].date is None
    assert problems[0].level == "warning" and "yesterday" in problems[0].message


# --------------------------------------------------------------------------- reliability sweep


def test_utf16_and_utf32_are_decoded(tmp_path: Path) -> None:
    text = "date 2020-10-04\nGanja a été bombardée."
    (tmp_path / "a.txt").write_bytes(text.encode("utf-16"))  # with a byte-order mark
    (tmp_path / "b.txt").write_bytes(text.encode("utf-32"))
    (tmp_path / "c.txt").write_bytes(text.encode("utf-16-le"))  # no mark
    (tmp_path / "d.txt").write_bytes(text.encode("utf-16-be"))
    problems: list[Problem] = []
    with pytest.warns(InputWarning, match="no byte-order mark"):
        docs = read_documents(tmp_path, problems=problems)
    assert [d.text for d in docs] == [text] * 4
    assert all(d.date == dt.date(2020, 10, 4) for d in docs)
    assert [(Path(p.source).name, p.level) for p in problems] == [
        ("c.txt", "warning"),
        ("d.txt", "warning"),
    ]
    assert "UTF-16-LE" in problems[0].message and "UTF-16-BE" in problems[1].message


def test_binary_formats_are_named(tmp_path: Path) -> None:
    import gzip
    import zipfile

    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(EN.encode()))
    with zipfile.ZipFile(tmp_path / "b.docx", "w") as z:
        z.writestr("word/document.xml", EN)
    (tmp_path / "c.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF" + bytes(100))
    (tmp_path / "d.bz2").write_bytes(b"BZh91AY&SY" + bytes(50))
    (tmp_path / "e.txt").write_text("BZh is how it starts, Ganja.", encoding="utf-8")
    problems: list[Problem] = []
    files = [tmp_path / n for n in ("a.txt.gz", "b.docx", "c.jpg", "d.bz2", "e.txt")]
    docs = read_documents(files, problems=problems)
    assert [Path(d.doc_id).name for d in docs] == ["e.txt"]
    messages = [p.message for p in problems]
    assert messages[0] == "binary file (gzip-compressed); decompress it first (gunzip)"
    assert "ZIP archive" in messages[1]
    assert "JPEG image" in messages[2]
    assert "bzip2" in messages[3]


def _stdin(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


def test_stdin_is_decoded_and_checked_like_a_file() -> None:
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64)
    problems: list[Problem] = []
    assert read_documents("-", problems=problems, stdin=_stdin(png)) == []
    assert str(problems[0]) == "<stdin>: binary file (PNG image); give a text file"
    text = "date 2020-10-04\nBakou a été visée."
    docs = read_documents("-", problems=problems, stdin=_stdin(text.encode("utf-16")))
    assert docs[0].text == text and docs[0].doc_id == "<stdin>"
    problems.clear()
    with pytest.warns(InputWarning, match="invalid UTF-8"):
        docs = read_documents("-", problems=problems, stdin=_stdin("Tirs à Bakou".encode("cp1252")))
    assert docs[0].text == "Tirs à Bakou" and problems[0].level == "warning"
    problems.clear()
    assert read_documents("-", problems=problems, stdin=_stdin(b" \n")) == []
    assert problems[0].message == "standard input is empty"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_devices_are_refused_not_read_forever(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(EN, encoding="utf-8")
    problems: list[Problem] = []
    docs = read_documents(["/dev/zero", tmp_path / "ok.txt"], problems=problems)
    assert len(docs) == 1
    assert str(problems[0]) == "/dev/zero: not a regular file (a device or socket); give a file"


def test_jsonl_rows_keep_unicode_line_separators(tmp_path: Path) -> None:
    text = "Ganja\u2028was shelled.\u2029Bakou\x85too."
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\r\n", encoding="utf-8")
    problems: list[Problem] = []
    docs = read_documents(path, problems=problems)
    assert problems == []
    assert [d.text for d in docs] == [text]


def test_csv_without_a_text_column_is_one_problem(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text("id,body2\n" + "".join(f"{i},Ganja\n" for i in range(500)), encoding="utf-8")
    colon = tmp_path / "d.csv"
    colon.write_text("id:text\n1:Ganja\n", encoding="utf-8")
    problems: list[Problem] = []
    assert read_documents([path, colon], problems=problems) == []
    assert len(problems) == 2 and problems[0].row is None
    assert "no text column" in problems[0].message and "id, body2" in problems[0].message
    assert problems[1].message.endswith("or separate the columns with commas")


def test_csv_unclosed_quote_is_reported_not_swallowed(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    path.write_text(
        'id,date,text\n1,2020-10-04,Ganja was shelled.\n2,2020-10-05,"Bakou was hit.\n'
        "3,2020-10-06,Erevan too.\n",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    docs = read_documents(path, problems=problems)
    assert [d.text for d in docs] == ["Ganja was shelled."]
    assert [(p.row, p.level) for p in problems] == [(3, "error")]
    assert "quote opened in this row is never closed: lines 3 to 4" in problems[0].message


def test_csv_with_semicolons_and_ragged_rows(tmp_path: Path) -> None:
    # The csv sniffer gives up on ragged rows; the header still tells the delimiter.
    path = tmp_path / "c.csv"
    path.write_text("text;date\nGanja;2020-10-04\nBakou;2020-10-05;x\nErevan\n", encoding="utf-8")
    problems: list[Problem] = []
    docs = read_documents(path, problems=problems)
    assert [(d.text, str(d.date)) for d in docs] == [("Ganja", "2020-10-04")]
    assert [p.row for p in problems] == [3, 4]


def test_huge_file_is_skipped_without_being_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as fh:
        fh.truncate(4 * 1000 + 1)  # sparse: costs nothing
    read = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self.name != "huge.txt", "the huge file was read"
        return read(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    problems: list[Problem] = []
    assert read_documents(huge, problems=problems, max_chars=1000) == []
    assert problems[0].message.startswith("file of 4,001 bytes is longer than the limit")


@given(st.binary(max_size=300))
def test_decoding_never_fails_on_any_bytes(data: bytes) -> None:
    from geo.io.documents import _decode

    problems: list[Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        text = _decode(data, "x", problems)
    assert text is None or isinstance(text, str)
    assert (text is None) == any(p.level == "error" for p in problems)


@given(st.text(alphabet=st.sampled_from('ab,;"\n\r\t|é\u2028'), max_size=80))
def test_csv_table_never_fails_and_rows_match_the_header(text: str) -> None:
    from geo.io.documents import csv_table

    problems: list[Problem] = []
    table = csv_table("x.csv", text, problems)
    if table is None:
        assert problems
        return
    header, rows = table
    records = list(rows)
    assert all(list(record) == list(dict.fromkeys(header)) for _, record in records)
    lines = [row for row, _ in records] + [p.row or 0 for p in problems]
    assert len(set(lines)) == len(lines) and min(lines, default=2) >= 2


# ------------------------------------------------------------------- one bad record in a batch


@pytest.mark.parametrize("bad", ["0001-01-01", "9999-12-31", "0001", "31/12/9999"])
def test_dates_geo_cannot_hold_are_refused_by_name(bad: str) -> None:
    with pytest.raises(InputError, match=rf"date '{bad}' is outside the dates geo handles"):
        parse_date(bad)
    with pytest.raises(InputError, match="outside the dates geo handles"):
        make_document("Ganja.", date=bad)


def test_a_date_header_geo_cannot_hold_is_a_warning_and_the_article_is_kept() -> None:
    with pytest.warns(InputWarning, match=r"a\.txt: date header '0001-01-01' is outside"):
        doc = make_document("date 0001-01-01\nGanja was shelled.", doc_id="a.txt")
    assert (doc.date, doc.body_start) == (None, len("date 0001-01-01"))
    assert parse_date_header("date 9999-12-31 x") == (dt.date(9999, 12, 31), "day", 15)


def test_corpus_rows_with_dates_geo_cannot_hold_keep_their_text(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    rows = [
        {"text": "Ganja was shelled.", "date": "2020-10-04"},
        {"text": "Barda was shelled.", "date": "0001-01-01"},
        {"text": "date 9999-12-31\nTartar was shelled.", "date": "2020-10-05"},
        {"text": "Terter was shelled.", "date": "31 December 9999"},
    ]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    problems: list[Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        docs = read_documents(corpus, problems=problems)
    assert [d.date for d in docs] == [dt.date(2020, 10, 4), None, dt.date(2020, 10, 5), None]
    assert [(p.row, p.level) for p in problems] == [(2, "warning"), (3, "warning"), (4, "warning")]
    assert "'0001-01-01' is outside the dates geo handles" in problems[0].message
    assert "date header '9999-12-31'" in problems[1].message
    assert "'31 December 9999' is outside" in problems[2].message


def test_one_deeply_nested_json_line_is_one_problem(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    deep = '{"a": ' * 200_000 + "1" + "}" * 200_000
    corpus.write_text(
        json.dumps({"text": "Ganja was shelled."})
        + "\n"
        + deep
        + "\n"
        + "[" * 100_000
        + "\n"
        + json.dumps({"text": "Barda was shelled."})
        + "\n",
        encoding="utf-8",
    )
    problems: list[Problem] = []
    docs = read_documents(corpus, problems=problems)
    assert [d.text for d in docs] == ["Ganja was shelled.", "Barda was shelled."]
    assert [(p.source, p.row) for p in problems] == [(str(corpus), 2), (str(corpus), 3)]
    assert "nested too deeply" in problems[0].message


def test_a_file_name_that_is_not_utf8_is_read_and_named(tmp_path: Path) -> None:
    import os

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "good.txt").write_text("date 2020-10-04\nGanja was shelled.", encoding="utf-8")
    bad = Path(os.fsdecode(os.fsencode(str(folder)) + b"/caf\xe9.txt"))
    bad.write_text("date 2020-10-05\nBarda was shelled.", encoding="utf-8")
    problems: list[Problem] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", InputWarning)
        docs = read_documents(folder, problems=problems)
    assert sorted(d.text.split("\n")[1] for d in docs) == [
        "Barda was shelled.",
        "Ganja was shelled.",
    ]
    named = {d.doc_id for d in docs}
    assert named == {str(folder / "good.txt"), str(folder / "caf\ufffd.txt")}
    for doc_id in named:
        doc_id.encode("utf-8")  # printable and writable: no lone surrogates
    (problem,) = problems
    assert (problem.source, problem.level) == (str(folder / "caf\ufffd.txt"), "warning")
    assert "not valid UTF-8" in problem.message


# --------------------------------------------------------------------------- input walking


def _corpus_with_loops(root: Path) -> None:
    """root/a/x.txt, root/a/b/y.md, links back up (two per folder: without a guard a walk
    runs forever, and a naive one takes exponential time), a link to another corpus."""
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "x.txt").write_text(EN, encoding="utf-8")
    (root / "a" / "b" / "y.md").write_text(EN, encoding="utf-8")
    (root / "other").mkdir()
    (root / "other" / "z.txt").write_text(EN, encoding="utf-8")
    (root / "a" / "loop").symlink_to(root / "a")
    (root / "a" / "b" / "up").symlink_to("..")
    (root / "a" / "b" / "top").symlink_to(root)
    (root / "a" / "linked").symlink_to(root / "other")


def test_globs_through_symlink_loops_end_with_each_file_once(tmp_path: Path) -> None:
    from geo.io.documents import expand_inputs

    _corpus_with_loops(tmp_path)
    found = expand_inputs([str(tmp_path / "a" / "**" / "*.txt")])
    names = [Path(p).name for p in found]
    assert sorted(set(names)) == ["x.txt", "z.txt"]
    assert names.count("x.txt") == 1 and names.count("z.txt") <= 2
    assert str(tmp_path / "a" / "x.txt") in found
    everything = expand_inputs([str(tmp_path / "**")])
    assert {Path(p).name for p in everything} == {"x.txt", "y.md", "z.txt"}
    # patterns relative to the working folder keep their form
    assert [Path(p).name for p in expand_inputs([str(tmp_path / "a" / "*.txt")])] == ["x.txt"]


def test_folders_with_symlink_loops_are_walked_once(tmp_path: Path) -> None:
    _corpus_with_loops(tmp_path)
    problems: list[Problem] = []
    docs = read_documents(tmp_path / "a", problems=problems)
    names = [Path(d.doc_id).name for d in docs]
    assert sorted(set(names)) == ["x.txt", "y.md", "z.txt"]
    assert names.count("x.txt") == 1 and names.count("y.md") == 1
    assert problems == []


@pytest.mark.skipif(not hasattr(__import__("os"), "mkfifo"), reason="needs named pipes")
def test_a_fifo_without_a_writer_is_skipped_not_waited_for(tmp_path: Path) -> None:
    """No blocking: the FIFO is opened without waiting for a writer (in a subprocess, so
    that a regression fails on the time-out instead of hanging the test run)."""
    import os
    import subprocess
    import sys

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    good = tmp_path / "good.txt"
    good.write_text("date 2020-10-04\nDes roquettes ont frappé Ganja.", encoding="utf-8")
    out = tmp_path / "e.geojson"
    done = subprocess.run(
        [sys.executable, "-m", "geo.cli", "events", str(fifo), str(good), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 1, done.stderr
    assert f"skipped: {fifo}: a named pipe (FIFO) that nothing writes to" in done.stderr
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 1
    # in a folder, a FIFO is not even opened (nor a socket)
    assert [Path(p.doc_id).name for p in read_documents(tmp_path)] == ["good.txt"]


def _refuse(monkeypatch: pytest.MonkeyPatch, refused: Path) -> None:
    """Make ``os.scandir`` fail on one folder as an unreadable folder does (tests run as root,
    who can read everything)."""
    import os

    real = os.scandir

    def scandir(path: str = ".") -> object:
        if Path(path) == refused:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_folders_are_reported_by_name(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "b.txt").write_text(EN, encoding="utf-8")
    _refuse(monkeypatch, tmp_path / "closed")
    problems: list[Problem] = []
    docs = read_documents(tmp_path, problems=problems)
    assert [Path(d.doc_id).name for d in docs] == ["a.txt"]
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'closed'}: cannot read this folder (Permission denied); the files in it "
        "are skipped"
    ]
    # the same through a pattern, and for a folder given by name
    problems = []
    assert [Path(d.doc_id).name for d in read_documents(str(tmp_path / "**" / "*.txt"),
                                                      problems=problems)] == ["a.txt"]  # fmt: skip
    assert [p.source for p in problems] == [str(tmp_path / "closed")]
    problems = []
    assert read_documents(tmp_path / "closed", problems=problems) == []
    assert [(p.source, p.level) for p in problems] == [(str(tmp_path / "closed"), "error")]
    with pytest.raises(InputError, match="cannot read this folder"):
        read_documents(tmp_path / "closed")
