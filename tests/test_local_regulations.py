"""Local regulations as the national database records them.

A city's regulation is adopted by the city's congress and law once the province
approves it: it is issued on the approval date (or on a promulgation date stated
after it) by the city's body. An amendment the province approves is dated so,
and made by the city whose decision it is. The files go through the real reader
in the carriers such collections use (Markdown, GB18030 text, HTML).
"""
from pathlib import Path

import pytest

from indexer.extract.build import Builder
from indexer.read import read_file

BUILDER = Builder()

APPROVED = """# 包头市稀土新材料产业促进条例

2019年8月29日包头市第十五届人民代表大会常务委员会第十三次会议通过　2019年9月26日内蒙古自治区第十三届人民代表大会常务委员会第十五次会议批准

<!-- INFO END -->

第一条　为了促进稀土新材料产业发展，结合本市实际，制定本条例。

第三十条　本条例自2020年1月1日起施行。
"""

PROMULGATED_AFTER_APPROVAL = """赣州市稀土矿山地质环境保护条例

（2020年6月24日赣州市第五届人民代表大会常务委员会第三十次会议通过　2020年7月31日江西省第十三届人民代表大会常务委员会第二十二次会议批准　2020年8月10日赣州市人民代表大会常务委员会公告第3号公布　自2020年10月1日起施行）

第一条　为了保护矿山地质环境，制定本条例。
"""

AMENDED_BY_CITY = """# 赣州市稀土矿山地质环境保护条例

2020年6月24日赣州市第五届人民代表大会常务委员会第三十次会议通过　2020年7月31日江西省第十三届人民代表大会常务委员会第二十二次会议批准　根据2022年5月31日江西省第十三届人民代表大会常务委员会第三十九次会议批准的《赣州市人民代表大会常务委员会关于修改〈赣州市稀土矿山地质环境保护条例〉的决定》修正

<!-- INFO END -->

第一条　为了保护矿山地质环境，制定本条例。
"""

PROVINCIAL_AMENDED_TWICE = """<html><head><meta charset="utf-8"><title>内蒙古自治区稀土资源管理条例</title></head>
<body><h1>内蒙古自治区稀土资源管理条例</h1>
<p>（2008年7月25日内蒙古自治区第十一届人民代表大会常务委员会第四次会议通过　根据2016年3月30日内蒙古自治区第十二届人民代表大会常务委员会第二十一次会议《关于修改〈内蒙古自治区稀土资源管理条例〉的决定》修正　根据2021年5月27日内蒙古自治区第十三届人民代表大会常务委员会第二十六次会议《关于修改〈内蒙古自治区稀土资源管理条例〉等4件地方性法规的决定》第二次修正）</p>
<p>第一条　为了保护稀土资源，制定本条例。</p></body></html>
"""

RULE_AMENDED = """# 稀土产品追溯管理暂行办法

2019年11月30日 江西省人民政府令第241号公布

2022年3月24日 《江西省人民政府关于修改和废止部分省政府规章的决定》修改

<!-- INFO END -->

第一条　为了规范稀土产品追溯，制定本办法。
"""


def build(tmp_path: Path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    [raw] = read_file(path)
    return BUILDER.build(raw, name)


@pytest.mark.parametrize("name, text, encoding, issued, issuer", [
    ("a.md", APPROVED, "utf-8", "2019-09-26", "包头市人民代表大会常务委员会"),
    ("b.txt", PROMULGATED_AFTER_APPROVAL, "gb18030", "2020-08-10", "赣州市人民代表大会常务委员会"),
    ("c.md", AMENDED_BY_CITY, "utf-8", "2022-05-31", "赣州市人民代表大会常务委员会"),
    ("d.html", PROVINCIAL_AMENDED_TWICE, "utf-8", "2021-05-27", "内蒙古自治区人民代表大会常务委员会"),
    ("e.md", RULE_AMENDED, "utf-8", "2022-03-24", "江西省人民政府"),
    ("f.md", APPROVED.replace("人民代表大会常务委员会", "人大常委会"), "utf-8", "2019-09-26",
     "包头市人民代表大会常务委员会"),
])
def test_issued_and_issuer_of_local_regulations(tmp_path, name, text, encoding, issued, issuer):
    record = build(tmp_path, name, text, encoding)
    assert record.issued == issued
    assert [i.name_zh for i in record.issuers] == [issuer]
    assert all(not i.registered for i in record.issuers if "市" in i.name_zh)


def test_the_approving_congress_is_not_the_issuer_and_the_adoption_stays_in_provenance(tmp_path):
    record = build(tmp_path, "a.md", APPROVED)
    assert "内蒙古" not in record.issuers[0].name_zh
    source = record.provenance["fields"]["issued"]
    assert source["rule"] == "header:批准" and "2019年8月29日" in source["by"]
    assert record.effective == "2020-01-01"


def test_a_cue_inside_a_cited_title_is_not_the_dates_verb(tmp_path):
    record = build(tmp_path, "d.html", PROVINCIAL_AMENDED_TWICE)
    assert record.provenance["fields"]["issued"]["rule"] == "header:修正"


def test_jointly_issuing_bodies_one_per_line_close_the_entry(tmp_path):
    text = ("# 稀土产品检验工作规定\n\n1981年3月2日 国务院批准\n\n1981年3月20日 国家经济委员会\n\n"
            "国家计划委员会\n\n国家物资局\n\n国家标准局发布\n\n<!-- INFO END -->\n\n第一条 为了加强检验，制定本规定。\n")
    assert build(tmp_path, "f.md", text).issued == "1981-03-20"
