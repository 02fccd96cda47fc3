"""stdidx export: every format, field choice, safe spreadsheets, schemas, round trip, result set."""
import csv
import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import REPO, run
from indexer.extract.issuers import Registry, unregistered_id
from indexer.index.store import Store
from indexer.record import FIELDS, Issuer, Record

SCHEMAS = REPO / "schemas"
FORMATS = ("csv", "jsonl", "json", "xml", "xlsx", "bulk")
SPREADSHEET = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


# --- reading each format back -------------------------------------------------

def csv_rows(data: bytes) -> list[dict]:
    text = data.decode("utf-8").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def xml_records(data: bytes) -> list[etree._Element]:
    return etree.fromstring(data).findall("record")


def bulk_pairs(data: bytes) -> list[tuple[dict, dict]]:
    lines = data.decode("utf-8").splitlines()
    assert len(lines) % 2 == 0
    return [(json.loads(lines[i]), json.loads(lines[i + 1])) for i in range(0, len(lines), 2)]


def column_index(ref: str) -> int:
    letters = re.match(r"[A-Z]+", ref).group()
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number - 1


class Sheet:
    """The first worksheet of an XLSX file, read with zipfile and lxml."""

    def __init__(self, data: bytes):
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            assert book.testzip() is None
            names = book.namelist()
            assert "[Content_Types].xml" in names and "xl/workbook.xml" in names
            self.xml = etree.fromstring(book.read("xl/worksheets/sheet1.xml"))
            styles = etree.fromstring(book.read("xl/styles.xml"))
        self.formats = {int(f.get("numFmtId")): f.get("formatCode")
                        for f in styles.iter(f"{SPREADSHEET}numFmt")}
        self.xfs = styles.find(f"{SPREADSHEET}cellXfs").findall(f"{SPREADSHEET}xf")
        self.rows: list[dict[int, etree._Element]] = []
        for row in self.xml.iter(f"{SPREADSHEET}row"):
            self.rows.append({column_index(c.get("r")): c for c in row.iter(f"{SPREADSHEET}c")})

    @staticmethod
    def value(cell) -> str:
        return "".join(cell.itertext())

    def header(self) -> list[str]:
        first = self.rows[0]
        return [self.value(first[i]) for i in sorted(first)]

    def column(self, name: str) -> list[str]:
        index = self.header().index(name)
        return [self.value(row[index]) if index in row else "" for row in self.rows[1:]]

    def style(self, cell) -> etree._Element:
        return self.xfs[int(cell.get("s", "0"))]

    def number_format(self, cell) -> str | None:
        return self.formats.get(int(self.style(cell).get("numFmtId", "0")))


def exported_ids(fmt: str, data: bytes) -> list[str]:
    if fmt == "csv":
        return [row["id"] for row in csv_rows(data)]
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in data.decode("utf-8").splitlines()]
    if fmt == "json":
        return [record["id"] for record in json.loads(data)]
    if fmt == "xml":
        return [record.findtext("id") for record in xml_records(data)]
    if fmt == "xlsx":
        return Sheet(data).column("id")
    return [action["index"]["_id"] for action, _ in bulk_pairs(data)]


def export(*args) -> bytes:
    result = run("export", *args)
    assert result.exit_code == 0, result.stderr
    return result.stdout_bytes


# --- a small index of made-up records that exercise every field --------------

def made_up_records() -> list[Record]:
    registry = Registry.load()
    miit, samr = registry.resolve("MIIT"), registry.resolve("SAMR")
    named_zh, named_en = registry.name_on(samr, "2017-12-29")
    body = "包头稀土高新区管理委员会"
    return [
        Record(id="dformula01", path="policy/formula.md", title='=HYPERLINK("http://x.test","点击")',
               title_en="+1 rare earth", doc_type="policy", lang="zh-Hans",
               issuers=[Issuer(miit.id, miit.name_zh, miit.name_en),
                        Issuer(unregistered_id(body), body, "", registered=False)],
               issued="2024-06", issued_precision="month", effective="2027", effective_precision="year",
               status="upcoming", replaces=["GB/T 13560-2009", "GB/T 13560-2000"],
               doc_no="-工信部联原〔2024〕25号", work="doc:稀土管理条例",
               text="第一条 镝 & 铽 <不> 混用。\r\n\t第二条 @总量控制。"),
        Record(id="dstandard1", path="standards/gbt-13560-2017.xml", title="烧结钕铁硼永磁材料",
               title_en="Sintered neodymium iron boron permanent magnets", doc_type="standard",
               issuers=[Issuer(samr.id, samr.name_zh, samr.name_en, named_zh=named_zh, named_en=named_en)],
               issued="2017-12-29", issued_precision="day", effective="2018-07-01",
               effective_precision="day", status="in_force", std_no="GB/T 13560-2017",
               replaces=["GB/T 13560-2009"], work="std:GB/T 13560", text="1 范围\n本标准规定了烧结钕铁硼永磁材料。"),
        Record(id="dnewsitem1", path="news/prices.txt", title="Rare earth prices steady", doc_type="news",
               lang="en", status="unknown", work="news:rareearthpricessteady:",
               text="Rare earth prices steady\nTraders expect demand to hold."),
    ]


def build_index(path: Path, records: list[Record]) -> Path:
    with Store(path).build({"roots": []}) as builder:
        for record in records:
            builder.add(record, [])
    return path


@pytest.fixture(scope="module")
def made_up_index(tmp_path_factory) -> Path:
    return build_index(tmp_path_factory.mktemp("made") / "index", made_up_records())


# --- every format -------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_every_record_in_path_order(fmt, corpus_index, corpus_records):
    ids = exported_ids(fmt, export("--index", corpus_index, "--format", fmt))
    assert ids == [record["id"] for record in corpus_records]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("query, filters", [
    ("镝", ["--issuer", "SAMR"]),
    ("稀土", ["--type", "policy", "--since", "2020"]),
    ("GB/T 13560", []),
])
def test_export_with_query_equals_the_search_result_set(fmt, query, filters, corpus_index):
    searched = run("search", query, *filters, "--index", corpus_index, "--format", "json",
                   "--limit", "10000")
    search_ids = [hit["id"] for hit in json.loads(searched.stdout)["hits"]]
    exported = exported_ids(fmt, export(query, *filters, "--index", corpus_index, "--format", fmt))
    assert exported == search_ids and exported


def test_sorted_by_date_matches_search_sorted_by_date(corpus_index):
    searched = run("search", "稀土", "--sort", "date", "--index", corpus_index, "--format", "json",
                   "--limit", "10000")
    search_ids = [hit["id"] for hit in json.loads(searched.stdout)["hits"]]
    assert exported_ids("csv", export("稀土", "--sort", "date", "--index", corpus_index,
                                      "--format", "csv")) == search_ids


def test_command_offers_exactly_the_library_formats():
    from indexer.cli import cli
    from indexer.export import FORMATS as LIBRARY_FORMATS

    choices = next(p for p in cli.commands["export"].params if p.name == "fmt").type.choices
    assert list(choices) == list(FORMATS) and set(choices) == set(LIBRARY_FORMATS)


# --- field selection ------------------------------------------------------------

def test_fields_pick_and_order_columns_in_every_format(corpus_index):
    fields = ["std_no", "title", "issued", "issued_precision", "issuers", "id"]
    spec = ",".join(fields)
    args = ("GB/T 13560", "--index", corpus_index, "--fields", spec)
    assert list(csv_rows(export(*args, "--format", "csv"))[0]) == fields
    assert Sheet(export(*args, "--format", "xlsx")).header() == fields
    for line in export(*args, "--format", "jsonl").decode().splitlines():
        assert list(json.loads(line)) == fields
    assert all(list(record) == fields for record in json.loads(export(*args, "--format", "json")))
    assert all(list(doc) == fields for _, doc in bulk_pairs(export(*args, "--format", "bulk")))
    # XML keeps the schema's element order; precision rides on its date.
    record = xml_records(export(*args, "--format", "xml"))[0]
    assert [child.tag for child in record] == ["id", "title", "issuers", "issued", "std_no"]
    assert record.find("issued").get("precision") == "day"


def test_spreadsheets_leave_out_text_and_provenance_unless_asked(corpus_index):
    default = list(csv_rows(export("--index", corpus_index, "--format", "csv"))[0])
    assert default == [f for f in FIELDS if f not in ("text", "provenance")]
    asked = csv_rows(export("--index", corpus_index, "--format", "csv", "--fields", "id,text,provenance"))
    assert asked[0]["text"] and json.loads(asked[0]["provenance"])["format"]


@pytest.mark.parametrize("spec, message", [
    ("id,titel", "unknown field 'titel'"),
    ("id,,title", "unknown field ''"),
    ("id,title,id", "field 'id' appears twice"),
    (" , ", "names no field"),
])
def test_bad_fields_are_usage_errors_naming_the_field(spec, message, corpus_index):
    result = run("export", "--index", corpus_index, "--fields", spec)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


def test_xml_needs_the_title_its_schema_requires(corpus_index):
    result = run("export", "--index", corpus_index, "--format", "xml", "--fields", "id,path")
    assert result.exit_code == 2 and "title" in result.stderr


# --- spreadsheets: lists, formulas, byte-order mark -----------------------------

def test_csv_joins_lists_readably(made_up_index):
    rows = {row["id"]: row for row in csv_rows(export("--index", made_up_index, "--format", "csv"))}
    assert rows["dformula01"]["issuers"] == "MIIT 工业和信息化部; 包头稀土高新区管理委员会"
    assert rows["dformula01"]["replaces"] == "GB/T 13560-2009; GB/T 13560-2000"
    # A registered body under the name the document uses, filed under its current id.
    assert rows["dstandard1"]["issuers"] == "SAMR 国家质量监督检验检疫总局"
    assert rows["dnewsitem1"]["issuers"] == "" and rows["dnewsitem1"]["std_no"] == ""


def test_csv_neutralises_formula_cells(made_up_index):
    args = ("--index", made_up_index, "--format", "csv", "--fields", "id,title,title_en,doc_no,text")
    row = next(r for r in csv_rows(export(*args)) if r["id"] == "dformula01")
    assert row["title"] == "'" + '=HYPERLINK("http://x.test","点击")'
    assert row["title_en"] == "'+1 rare earth"
    assert row["doc_no"] == "'-工信部联原〔2024〕25号"
    assert row["text"].startswith("第一条")  # only a cell's first character counts
    raw = next(r for r in csv_rows(export(*args, "--no-escape-formulas")) if r["id"] == "dformula01")
    assert raw["title"] == '=HYPERLINK("http://x.test","点击")' and raw["title_en"] == "+1 rare earth"


@pytest.mark.parametrize("value, expected", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1", "'\t=1"), ("\r=1", "'\r=1"), ("GB/T 13560-2017", "GB/T 13560-2017"),
    ("2024-06-22", "2024-06-22"), ("", ""), ("＝1", "'＝1"),
])
def test_formula_neutralisation_rule(value, expected):
    from indexer.export.cells import neutralised

    assert neutralised(value) == expected


def test_csv_has_a_bom_by_default_and_none_with_no_bom(corpus_index, tmp_path):
    with_bom = export("--index", corpus_index, "--format", "csv")
    assert with_bom.startswith(b"\xef\xbb\xbfid,path,")
    without = export("--index", corpus_index, "--format", "csv", "--no-bom")
    assert without.startswith(b"id,path,") and without == with_bom[3:]
    out = tmp_path / "out.csv"
    export("--index", corpus_index, "--format", "csv", "--out", out)
    assert out.read_bytes() == with_bom
    assert b"\r\n" in with_bom and "稀土".encode() in with_bom


def test_xlsx_opens_with_header_frozen_pane_widths_and_date_cells(made_up_index, tmp_path):
    out = tmp_path / "out.xlsx"
    export("--index", made_up_index, "--format", "xlsx", "--out", out)
    sheet = Sheet(out.read_bytes())
    assert sheet.header() == [f for f in FIELDS if f not in ("text", "provenance")]
    assert sheet.column("id") == ["dnewsitem1", "dformula01", "dstandard1"]
    pane = sheet.xml.find(f".//{SPREADSHEET}pane")
    assert pane.get("state") == "frozen" and pane.get("ySplit") == "1" and pane.get("topLeftCell") == "A2"
    assert len(sheet.xml.findall(f".//{SPREADSHEET}col")) == len(sheet.header())
    assert sheet.xml.find(f"{SPREADSHEET}autoFilter") is not None

    header = sheet.header()
    dates = {}
    for row in sheet.rows[1:]:
        record_id = Sheet.value(row[0])
        for name in ("issued", "effective"):
            cell = row.get(header.index(name))
            if cell is not None:
                dates[record_id, name] = (cell.get("t"), Sheet.value(cell), sheet.number_format(cell))
    # Real date cells (serial day numbers) shown at their precision.
    assert dates["dstandard1", "issued"] == (None, "43098", "yyyy-mm-dd")     # 2017-12-29
    assert dates["dformula01", "issued"] == (None, "45444", "yyyy-mm")        # 2024-06(-01)
    assert dates["dformula01", "effective"] == (None, "46388", "yyyy")        # 2027(-01-01)
    assert ("dnewsitem1", "issued") not in dates


def test_xlsx_marks_formula_cells_as_text_unless_told_not_to(made_up_index):
    def title_cell(data: bytes):
        sheet = Sheet(data)
        row = next(r for r in sheet.rows[1:] if Sheet.value(r[0]) == "dformula01")
        return sheet, row[sheet.header().index("title")]

    sheet, cell = title_cell(export("--index", made_up_index, "--format", "xlsx"))
    assert Sheet.value(cell) == '=HYPERLINK("http://x.test","点击")'  # the text itself is untouched
    assert cell.find(f"{SPREADSHEET}f") is None and cell.get("t") == "inlineStr"
    assert sheet.style(cell).get("quotePrefix") == "1"
    sheet, cell = title_cell(export("--index", made_up_index, "--format", "xlsx", "--no-escape-formulas"))
    assert cell.find(f"{SPREADSHEET}f") is None and sheet.style(cell).get("quotePrefix") is None


def test_xlsx_to_a_terminal_is_refused(made_up_index):
    from indexer.errors import UsageError
    from indexer.export import export_records, make_options

    leader, follower = os.openpty()
    try:
        with open(follower, "wb", closefd=False) as terminal:
            with pytest.raises(UsageError, match="binary"):
                export_records(iter(()), make_options("xlsx"), None, terminal)
    finally:
        os.close(leader)
        os.close(follower)


def test_xlsx_to_redirected_stdout(made_up_index):
    assert Sheet(export("--index", made_up_index, "--format", "xlsx")).column("id")


# --- JSON and JSON Lines: the canonical record ----------------------------------

@pytest.mark.parametrize("fmt", ["jsonl", "json"])
def test_json_records_are_exactly_the_canonical_records(fmt, corpus_index):
    jsonschema = pytest.importorskip("jsonschema")
    from indexer.query.search import get_record

    data = export("--index", corpus_index, "--format", fmt)
    records = json.loads(data) if fmt == "json" else [json.loads(row) for row in data.decode().splitlines()]
    validator = jsonschema.Draft202012Validator(json.loads((SCHEMAS / "record.schema.json").read_text()))
    ix = Store(corpus_index).open()
    for record in records:
        assert not list(validator.iter_errors(record)), record["path"]
        assert record == get_record(ix, record["id"]).to_dict()
        assert list(record) == list(FIELDS)


def test_empty_result_is_still_valid_in_every_format(corpus_index):
    nothing = ("zzqqxx", "--index", corpus_index)
    assert json.loads(export(*nothing, "--format", "json")) == []
    assert export(*nothing, "--format", "jsonl") == b""
    assert xml_records(export(*nothing, "--format", "xml")) == []
    assert Sheet(export(*nothing, "--format", "xlsx")).column("id") == []
    assert export(*nothing, "--format", "csv", "--no-bom").startswith(b"id,path,")


# --- XML: valid against the XSD, and back in through `stdidx index` -----------

def xsd() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "record.xsd")))


def test_xml_export_validates_against_the_xsd(corpus_index, made_up_index):
    schema = xsd()
    for index in (corpus_index, made_up_index):
        document = etree.fromstring(export("--index", index, "--format", "xml"))
        assert schema.validate(document), schema.error_log.last_error


def test_xml_carries_issuers_dates_and_provenance_as_the_xsd_has_them(made_up_index):
    records = {r.findtext("id"): r for r in xml_records(export("--index", made_up_index, "--format", "xml"))}
    policy = records["dformula01"]
    issuers = policy.findall("issuers/issuer")
    assert issuers[0].attrib == {"id": "MIIT", "name_zh": "工业和信息化部",
                                 "name_en": "Ministry of Industry and Information Technology",
                                 "registered": "true"}
    assert issuers[1].get("registered") == "false" and issuers[1].get("id").startswith("x-")
    assert policy.find("issued").attrib == {"precision": "month"} and policy.findtext("issued") == "2024-06"
    assert [e.text for e in policy.findall("replaces/std_no")] == ["GB/T 13560-2009", "GB/T 13560-2000"]
    assert policy.findtext("text") == "第一条 镝 & 铽 <不> 混用。\r\n\t第二条 @总量控制。"
    assert records["dstandard1"].find("issuers/issuer").get("named_zh") == "国家质量监督检验检疫总局"
    assert records["dnewsitem1"].find("issued") is None


def test_xml_provenance_structure(corpus_index, corpus_records):
    record = next(r for r in corpus_records if r["provenance"].get("repairs"))
    element = next(r for r in xml_records(export("--index", corpus_index, "--format", "xml"))
                   if r.findtext("id") == record["id"]).find("provenance")
    assert element.get("format") == record["provenance"]["format"]
    assert [e.text for e in element.findall("repair")] == record["provenance"]["repairs"]
    sources = {e.get("field"): e.attrib for e in element.findall("source")}
    assert {name: s["rule"] for name, s in sources.items()} == \
        {name: s["rule"] for name, s in record["provenance"]["fields"].items()}


def without_provenance(records: list[dict]) -> dict[str, dict]:
    return {r["id"]: {k: v for k, v in r.items() if k != "provenance"} for r in records}


def reindexed(xml: bytes, tmp_path: Path) -> list[dict]:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "exported.xml").write_bytes(xml)
    result = run("index", tmp_path / "in", "--index", tmp_path / "ix")
    assert result.exit_code == 0, result.stdout
    return [json.loads(row) for row in export("--index", tmp_path / "ix").decode().splitlines()]


def test_xml_round_trip_of_the_corpus_through_stdidx_index(corpus_index, corpus_records, tmp_path):
    back = reindexed(export("--index", corpus_index, "--format", "xml"), tmp_path)
    assert without_provenance(back) == without_provenance(corpus_records)
    # Provenance describes the reading of the exported file: every field stated.
    assert all(r["provenance"]["format"] == "xml" for r in back)


def test_xml_round_trip_of_every_kind_of_field(made_up_index, tmp_path):
    original = [r.to_dict() for r in made_up_records()]
    back = reindexed(export("--index", made_up_index, "--format", "xml"), tmp_path)
    assert without_provenance(back) == without_provenance(original)


def test_xml_drops_characters_xml_cannot_carry(tmp_path):
    record = Record(id="dbell00001", path="bell.txt", title="响铃\x07标题", text="正文\x00含\x1b控制字符")
    index = build_index(tmp_path / "ix", [record])
    data = export("--index", index, "--format", "xml")
    document = etree.fromstring(data)
    assert xsd().validate(document)
    assert document.findtext("record/title") == "响铃标题"
    assert document.findtext("record/text") == "正文含控制字符"


# --- bulk for OpenSearch / Elasticsearch ------------------------------------------

def mapping() -> dict:
    return json.loads((SCHEMAS / "opensearch-mapping.json").read_text("utf-8"))


def test_bulk_alternates_actions_and_documents(corpus_index, corpus_records):
    pairs = bulk_pairs(export("--index", corpus_index, "--format", "bulk"))
    assert len(pairs) == len(corpus_records)
    for (action, document), record in zip(pairs, corpus_records):
        assert action == {"index": {"_index": "stdidx", "_id": record["id"]}}
        assert document == record


def test_bulk_index_name_option_and_its_check(made_up_index):
    pairs = bulk_pairs(export("--index", made_up_index, "--format", "bulk", "--bulk-index", "rare-earth.v2"))
    assert {action["index"]["_index"] for action, _ in pairs} == {"rare-earth.v2"}
    for bad in ("Stdidx", "has space", "_hidden", "a/b", ".."):
        result = run("export", "--index", made_up_index, "--format", "bulk", "--bulk-index", bad)
        assert result.exit_code == 2 and "--bulk-index" in result.stderr


def test_bulk_documents_match_the_mapping(corpus_index, made_up_index):
    properties = mapping()["mappings"]["properties"]
    assert mapping()["mappings"]["dynamic"] == "strict"
    assert set(properties) == set(FIELDS)
    issuer_fields = set(properties["issuers"]["properties"])
    date_pattern = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
    assert properties["issued"]["format"] == properties["effective"]["format"] == "yyyy-MM-dd||yyyy-MM||yyyy"
    for index in (corpus_index, made_up_index):
        for _, document in bulk_pairs(export("--index", index, "--format", "bulk")):
            assert set(document) <= set(properties)
            for issuer in document["issuers"]:
                assert set(issuer) <= issuer_fields
            for name in ("issued", "effective"):
                assert document[name] is None or date_pattern.match(document[name])


def test_mapping_has_cjk_analysis_and_keyword_filters():
    data = mapping()
    properties = data["mappings"]["properties"]
    analyzer = data["settings"]["analysis"]["analyzer"][properties["text"]["analyzer"]]
    assert analyzer["tokenizer"] == "standard" and "cjk_width" in analyzer["filter"]
    assert properties["title"]["analyzer"] == properties["text"]["analyzer"]
    for name in ("id", "doc_type", "status", "lang", "std_no", "replaces", "doc_no", "work"):
        assert properties[name]["type"] == "keyword", name
    assert properties["issuers"]["properties"]["id"]["type"] == "keyword"


# --- files and failures -------------------------------------------------------

def test_failed_export_leaves_no_file(corpus_index, tmp_path):
    out = tmp_path / "out.csv"
    result = run("export", '"稀土', "--index", corpus_index, "--format", "csv", "--out", out)
    assert result.exit_code == 2 and "unbalanced quote" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_failed_export_writes_nothing_to_stdout(corpus_index):
    result = run("export", "稀土", "--issuer", "Ministry of Magic", "--index", corpus_index, "--format", "json")
    assert result.exit_code == 2 and result.stdout == ""


def test_unwritable_target_is_a_usage_error(corpus_index, tmp_path):
    result = run("export", "--index", corpus_index, "--out", tmp_path / "no" / "such" / "dir.jsonl")
    assert result.exit_code == 2 and "export to" in result.stderr and "Traceback" not in result.output


def test_xlsx_cuts_text_at_excels_cell_limit_and_csv_does_not(tmp_path):
    long_text = "稀土" * 20_000
    index = build_index(tmp_path / "ix", [Record(id="dlongtext1", path="long.txt", title="长文", text=long_text)])
    sheet = Sheet(export("--index", index, "--format", "xlsx", "--fields", "id,text"))
    assert sheet.column("text") == [long_text[:32_767]]
    assert csv_rows(export("--index", index, "--format", "csv", "--fields", "id,text"))[0]["text"] == long_text
