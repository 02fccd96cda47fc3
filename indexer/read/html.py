"""HTML pages → title and body text, with site boilerplate left out."""
from __future__ import annotations

import io
import re

import lxml.html
from lxml import etree

from indexer.errors import ReadError
from indexer.read.encoding import declared_charset, decode
from indexer.read.rawdoc import RawDoc
from indexer.read.xmlrec import raise_if_out_of_memory

# Parts of a page that belong to the site, not to the notice on it.
_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "aside", "form", "iframe",
              "header", "select", "button", "template", "svg")
_BOILERPLATE = re.compile(
    r"(^|[\s_-])(nav|navbar|menu|menus|footer|foot|breadcrumbs?|crumbs?|sidebar|side|share|"
    r"copyright|cookies?|banner|related|friendlinks?|links|topbar|toolbar|header|top|bottom|"
    r"position|location|subnav|ad|ads)($|[\s_-])", re.I)
_BOILERPLATE_LINE = re.compile(r"^\s*(当前位置|您的位置|您现在的位置|首页\s*[>＞»])")
_BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
          "article", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "hr", "main", "center"}
_CELL = {"td", "th"}
_TITLE_SPLIT = re.compile(r"\s*(?:[-_|—–－]|&#8212;)\s*")

# The <meta> names Chinese government and news sites give a page's date and source under.
_META_SIGNALS = {
    "published": ("PubDate", "article:published_time", "og:article:published_time", "publishdate",
                  "pubdate", "dc.date", "dcterms.date", "firstpublishedtime"),
    "source": ("ContentSource", "source", "article:publisher"),
}

# huge_tree lifts libxml2's limit of 256 levels of nesting to 2048 (pages nest
# layout tables deeply); the 32 MiB file limit bounds the rest.
_PARSER = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True,
                               default_doctype=False, huge_tree=True)
# Browsers put what follows </body> or </html> into the body; libxml2 drops it.
_CLOSING = re.compile(r"</(?:body|html)\s*>", re.I)
# Deeper than the parser goes, a page is read as flat text: every tag but those
# that hold the title or what is not text becomes a line break.
_FLATTENED = re.compile(r"</?(?!(?:html|head|title|meta|link|body|h[1-6]|script|style)\b)[a-zA-Z][^<>]*>")


def read_html(data: bytes) -> RawDoc:
    text, encoding, notes = decode(data, declared_charset(data))
    text = _CLOSING.sub("", _strip_xml_decl(text))
    root = _parse(text)
    if _too_deep():
        root = _parse(_FLATTENED.sub("<br>", text))
        notes = notes + ["HTML nested deeper than 2048 levels; its text is read without the page's structure"]
    head_title = _clean(root.findtext(".//title") or "")
    meta_title = _meta(root, "ArticleTitle", "og:title")
    source_url = _meta(root, "og:url") or _canonical(root)
    meta = {key: value for key, names in _META_SIGNALS.items() if (value := _meta(root, *names))}
    if head_title:
        meta["page_title"] = head_title  # names the site, often its body: "国外标准动态｜经济部标准检验局"
    _drop_boilerplate(root)
    body = root.find("body")
    if body is None:
        body = root
    title = meta_title or _heading(body) or _site_title(head_title)
    lines = [line for line in _lines(body) if not _BOILERPLATE_LINE.match(line)]
    if not lines and not title:
        raise ReadError("HTML page has no text")
    return RawDoc(format="html", encoding=encoding, text="\n".join(lines), title=title or None,
                  repairs=notes, source_url=source_url or None, meta=meta)


def _parse(text: str):
    try:
        return lxml.html.document_fromstring(text, parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise_if_out_of_memory(exc)
        raise ReadError(f"HTML could not be parsed: {exc}") from None


def _too_deep() -> bool:
    return any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in _PARSER.error_log)


def _meta(root, *names: str) -> str:
    """The first non-empty <meta name=…> or <meta property=…> content among names."""
    for name in names:
        for el in root.iter("meta"):
            if name.lower() in ((el.get("name") or "").lower(), (el.get("property") or "").lower()):
                value = _clean(el.get("content") or "")
                if value:
                    return value
    return ""


def _canonical(root) -> str:
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and el.get("href"):
            return el.get("href").strip()
    return ""


def _strip_xml_decl(text: str) -> str:
    # lxml refuses str input that carries an XML encoding declaration.
    return re.sub(r"^\s*<\?xml[^>]*\?>", "", text, count=1)


def _drop_boilerplate(root) -> None:
    for el in list(root.iter(*_DROP_TAGS)):
        if el.find(".//h1") is None:
            el.drop_tree()
    for el in root.xpath("//*[@class or @id]"):
        if el.getparent() is None:
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if marks.strip() and _BOILERPLATE.search(marks) and el.find(".//h1") is None \
                and not _is_title_block(el) and not _is_metadata_table(el):
            el.drop_tree()


def _is_metadata_table(el) -> bool:
    """The table of 发文机关, 成文日期, 发文字号 … a government site prints above a text:
    the text's own metadata, though the site may class it a header."""
    from indexer.extract.pages import header_labels

    return header_labels(el.text_content()[:2000]) >= 2


def _is_title_block(el) -> bool:
    return "title" in el.get("class", "").lower()


def _heading(body) -> str:
    for path in (".//h1", ".//*[contains(@class,'title')]", ".//h2"):
        for el in body.iterfind(path) if not path.startswith(".//*") else body.xpath(path):
            # A title block may hold the heading and the page's date line under it.
            el = next(iter(el.xpath(".//h2|.//h3")), el)
            text = _clean(el.text_content())
            if 2 <= len(text) <= 200:
                return text
    return ""


def _site_title(title: str) -> str:
    # "关于发布…的公告-中国稀土学会" → the part that is not the site's name
    parts = [p for p in _TITLE_SPLIT.split(title) if p]
    if len(parts) <= 1:
        return title
    return max(parts, key=len)


def _lines(el) -> list[str]:
    out = io.StringIO()
    _walk(el, out)
    return [line for line in map(_clean, out.getvalue().split("\n")) if line]


def _walk(top, out: io.StringIO) -> None:
    """The text of the tree in document order, line breaks around blocks (without
    recursion: pages nest up to the parser's 2048 levels)."""
    for event, el in etree.iterwalk(top, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            out.write("\n" if tag in _BLOCK else "\t" if tag in _CELL else "")
            if el.text and tag:
                out.write(el.text)
            continue
        if tag in _BLOCK:
            out.write("\n")
        if el.tail and el is not top:
            out.write(el.tail)


def _clean(text: str) -> str:
    return re.sub(r"[ \t\r\f\v\u00a0\u3000]+", " ", text).strip()
