"""The same real texts in other carriers — GB18030 plain text and HTML pages with site
boilerplate, under opaque file names — give the same extracted fields as the Markdown."""
import hashlib
import html
import json
import re

import pytest

from conftest import SHARED, run

LAWS = SHARED / "realdata" / "laws-national"
pytestmark = pytest.mark.skipif(not LAWS.is_dir(), reason=f"real texts not present at {LAWS}")
FIELDS = ("title", "issued", "effective", "status", "work", "doc_type", "doc_no")


def sample() -> list:
    files = sorted(LAWS.rglob("*.md"))
    return files[::8]  # every eighth: all categories, several multi-version laws


def as_text(markdown: str) -> bytes:
    body = markdown.replace("<!-- INFO END -->", "")
    return re.sub(r"^#+\s*", "", body, flags=re.M).encode("gb18030")


def as_html(markdown: str) -> bytes:
    lines = [line for line in markdown.replace("<!-- INFO END -->", "").splitlines() if line.strip()]
    title = html.escape(lines[0].lstrip("# "))
    paragraphs = "".join(f"<p>{html.escape(re.sub(r'^#+ *', '', line))}</p>" for line in lines[1:])
    return (f"<html><head><title>{title}_法律法规数据库</title></head><body>"
            "<div class='header'>法律法规数据库</div><nav><a>首页</a><a>法律</a></nav>"
            "<div class='breadcrumb'>当前位置：首页 &gt; 法律</div>"
            f"<div class='article'><h1>{title}</h1>{paragraphs}</div>"
            "<footer>版权所有 京ICP备00000000号</footer></body></html>").encode("gb18030")


def extracted(root, ix) -> dict:
    assert run("index", root, "--index", ix).exit_code == 0
    records = [json.loads(line) for line in run("export", "--index", ix).stdout.splitlines()]
    return {r["path"].split(".")[0]: r for r in records}


def test_fields_do_not_depend_on_carrier_or_file_name(tmp_path):
    originals, carriers = tmp_path / "md", {"txt": as_text, "html": as_html}
    for path in sample():
        key = hashlib.md5(str(path.relative_to(LAWS)).encode()).hexdigest()[:12]
        (originals / key).mkdir(parents=True, exist_ok=True)
        (originals / key / "law.md").write_bytes(path.read_bytes())
        for suffix, convert in carriers.items():
            (tmp_path / suffix).mkdir(exist_ok=True)
            (tmp_path / suffix / f"{key}.{suffix}").write_bytes(convert(path.read_text("utf-8")))
    base = {k.split("/")[0]: r for k, r in extracted(originals, tmp_path / "ix-md").items()}
    for suffix in carriers:
        other = extracted(tmp_path / suffix, tmp_path / f"ix-{suffix}")
        assert other.keys() == base.keys()
        for key, record in base.items():
            for field in FIELDS:
                assert other[key][field] == record[field], (suffix, key, field)
            assert [i["id"] for i in other[key]["issuers"]] == [i["id"] for i in record["issuers"]]
