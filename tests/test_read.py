"""The read stage on real files: encodings, markup, and hostile or broken input."""
import codecs

import pytest

from indexer.errors import NotADocument, ReadError
from indexer.read import read_file

TEXT = "稀土管理条例\n第一条 为了有效保护和合理开发利用稀土资源，制定本条例。镝、铽、钕。"


@pytest.mark.parametrize("name, encoding, prefix", [
    ("utf8.txt", "utf-8", b""),
    ("bom.txt", "utf-8", codecs.BOM_UTF8),
    ("gb.txt", "gb18030", b""),
    ("utf16.txt", "utf-16-le", codecs.BOM_UTF16_LE),
    ("utf16be.txt", "utf-16-be", codecs.BOM_UTF16_BE),
])
def test_text_encodings(tmp_path, name, encoding, prefix):
    path = tmp_path / name
    path.write_bytes(prefix + TEXT.encode(encoding))
    doc = read_file(path)[0]
    assert doc.text == TEXT


def page(body: str, charset: str | None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (f"<html><head>{meta}<title>关于发布团体标准的公告-中国稀土学会</title></head><body>"
            "<div class='header'>中国稀土学会</div>"
            "<nav><a>首页</a><a>学会概况</a><a>联系我们</a></nav>"
            "<div class='breadcrumb'>当前位置：首页 &gt; 通知公告</div>"
            f"<div class='article'><h1>关于发布《烧结钕铁硼》团体标准的公告</h1><p>{body}</p></div>"
            "<footer>版权所有 © 中国稀土学会 京ICP备0000号</footer></body></html>")


@pytest.mark.parametrize("charset, encoding", [
    ("utf-8", "utf-8"), ("gb2312", "gb18030"), ("GBK", "gb18030"), (None, "gb18030"), (None, "utf-8"),
])
def test_html_encodings_and_boilerplate(tmp_path, charset, encoding):
    path = tmp_path / "notice.html"
    path.write_bytes(page("镝铽钕镨用于永磁材料。", charset).encode(encoding))
    doc = read_file(path)[0]
    assert doc.title == "关于发布《烧结钕铁硼》团体标准的公告"
    assert "镝铽钕镨用于永磁材料" in doc.text
    for boilerplate in ("首页", "版权所有", "当前位置", "京ICP备"):
        assert boilerplate not in doc.text


def test_misdeclared_charset_is_detected_and_noted(tmp_path):
    path = tmp_path / "wrong.html"
    path.write_bytes(page("镝铽钕镨", "gb2312").encode("utf-8"))
    doc = read_file(path)[0]
    assert "镝铽钕镨" in doc.text
    assert doc.encoding == "utf-8"
    assert any("declared charset gb2312" in note for note in doc.repairs)


def test_title_from_head_when_page_has_no_heading(tmp_path):
    path = tmp_path / "bare.html"
    path.write_text("<html><head><title>稀土行业规范条件 - 工业和信息化部</title></head>"
                    "<body><p>正文内容足够长。</p></body></html>", encoding="utf-8")
    assert read_file(path)[0].title == "稀土行业规范条件"


XXE = b"""<?xml version="1.0"?>
<!DOCTYPE record [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<record><title>&xxe;</title></record>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<record><title>&lol3;</title></record>"""


@pytest.mark.parametrize("name, data, reason", [
    ("xxe.xml", XXE, "DTD"),
    ("laughs.xml", LAUGHS, "DTD"),
    ("broken.xml", b"<record><title>x</title>", "malformed XML"),
    ("other.xml", b"<rss><channel/></rss>", "not a stdidx record"),
    ("invalid.xml", b"<record><doc_type>poem</doc_type><title>x</title></record>", "record.xsd"),
])
def test_hostile_and_broken_xml_fails_with_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReadError, match=reason):
        read_file(path)


@pytest.mark.parametrize("name, data, reason", [
    ("empty.txt", b"", "empty"),
    ("blank.md", b"  \n\n ", "empty"),
    ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
    ("archive.zip", b"PK\x03\x04", "unsupported"),
    ("empty.pdf", b"", "empty"),
])
def test_not_documents_are_skipped_with_reason(tmp_path, name, data, reason):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(NotADocument, match=reason):
        read_file(path)


def test_xml_record_fields_are_stated(tmp_path):
    path = tmp_path / "std.xml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<record><title>烧结钕铁硼永磁材料</title><doc_type>standard</doc_type>
<issuers><issuer>国家市场监督管理总局</issuer></issuers>
<issued precision="day">2017-12-29</issued><std_no>GB/T 13560-2017</std_no>
<replaces><std_no>GB/T 13560-2009</std_no></replaces><text>1 范围</text></record>""", encoding="utf-8")
    doc = read_file(path)[0]
    assert doc.stated["std_no"] == "GB/T 13560-2017"
    assert doc.stated["replaces"] == ["GB/T 13560-2009"]
    assert doc.stated["issuers"][0]["written"] == "国家市场监督管理总局"
    assert doc.text == "1 范围"


def test_markdown_title_and_comments(tmp_path):
    path = tmp_path / "law.md"
    path.write_text("# 中华人民共和国矿产资源法\n\n<!-- INFO END -->\n第一条 **为了**发展矿业。", encoding="utf-8")
    doc = read_file(path)[0]
    assert doc.title == "中华人民共和国矿产资源法"
    assert "INFO END" not in doc.text and "为了发展矿业" in doc.text
