"""Loads bench/officegen.py, which makes the standards-shaped office files the tests use."""
import importlib.util
import sys
from pathlib import Path

_FILE = Path(__file__).resolve().parents[1] / "bench" / "officegen.py"
_spec = importlib.util.spec_from_file_location("officegen", _FILE)
officegen = importlib.util.module_from_spec(_spec)
sys.modules["officegen"] = officegen  # dataclasses look their module up by name
_spec.loader.exec_module(officegen)

# Real facts of two editions of one standard (the bundled corpus has their records).
EDITION_2009 = officegen.Cover(
    std_no="GB/T 13560—2009", title="烧结钕铁硼永磁材料", ics="77.150.99", ccs="H 65",
    replaces="代替 GB/T 13560—2000", title_en="Sintered neodymium iron boron permanent magnets",
    issued="2009-04-23", effective="2010-02-01",
    issuers=["中华人民共和国国家质量监督检验检疫总局", "中国国家标准化管理委员会"])
EDITION_2017 = officegen.Cover(
    std_no="GB/T 13560—2017", title="烧结钕铁硼永磁材料", ics="77.150.99", ccs="H 65",
    replaces="代替 GB/T 13560—2009", title_en="Sintered neodymium iron boron permanent magnets",
    issued="2017-10-14", effective="2018-05-01",
    issuers=["中华人民共和国国家质量监督检验检疫总局", "中国国家标准化管理委员会"])
FOREWORD = ["前言", "本标准按照GB/T 1.1—2009给出的规则起草。", "本标准由全国稀土标准化技术委员会（SAC/TC 229）提出并归口。"]
SCOPE = ["1 范围", "本标准规定了烧结钕铁硼永磁材料的分类和牌号、要求、试验方法。", "剩磁温度系数按附录测量。"]
