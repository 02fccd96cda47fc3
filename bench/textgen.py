"""Sentence and paragraph generators for the synthetic corpus.

Sentences are templates with {slots}; each slot draws from a phrase list in
vocab.py or from a small function (numbers, dates, names). A per-document
Topic biases the draws toward a few elements, products and methods, so that
documents differ from one another the way real ones do (which matters for
term statistics and ranking), while the shared templates give the corpus the
function-word-heavy character distribution of real Chinese official prose.

Names of people, companies and places are drawn from the 3,755 level-1
characters of GB 2312 with Zipf-like weights: that long tail is what gives a
real corpus its few thousand distinct characters.
"""
from __future__ import annotations

import itertools
import random
import re
from dataclasses import dataclass, field

import vocab as V

# --- the character pool ------------------------------------------------------------


def _gb2312_level1() -> list[str]:
    chars = []
    for row in range(0xB0, 0xD8):
        for col in range(0xA1, 0xFF):
            if row == 0xD7 and col > 0xF9:
                break
            chars.append(bytes([row, col]).decode("gb2312"))
    return chars


def _vocab_chars() -> list[str]:
    """Characters of the phrase lists, most frequent first (stable order)."""
    counts: dict[str, int] = {}
    for value in vars(V).values():
        for text in _strings(value):
            for ch in text:
                if "\u4e00" <= ch <= "\u9fff":
                    counts[ch] = counts.get(ch, 0) + 1
    return sorted(counts, key=lambda ch: (-counts[ch], ch))


def _strings(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [s for item in value for s in _strings(item)]
    return []


def _name_pool() -> tuple[list[str], list[float]]:
    # Common characters first, the rest of level 1 in a fixed shuffled order;
    # weight 1/(rank+400) gives a Zipf-like tail without making rare
    # characters as frequent as common ones.
    common = _vocab_chars()
    seen = dict.fromkeys(common)
    rest = [ch for ch in _gb2312_level1() if ch not in seen]
    random.Random("stdidx-bench-charpool").shuffle(rest)
    pool = common + rest
    cumulative = list(itertools.accumulate(1.0 / (rank + 400) for rank in range(len(pool))))
    return pool, cumulative


NAME_POOL, NAME_CUM = _name_pool()

# --- numbers and dates -------------------------------------------------------------

_ZH_DIGITS = "零一二三四五六七八九"


def zh_numeral(n: int) -> str:
    """1..999 in Chinese numerals as used for article numbers (第一百零二条)."""
    if n < 10:
        return _ZH_DIGITS[n]
    if n < 20:
        return "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _ZH_DIGITS[n // 10] + "十" + (_ZH_DIGITS[n % 10] if n % 10 else "")
    hundreds, rest = divmod(n, 100)
    if rest == 0:
        return _ZH_DIGITS[hundreds] + "百"
    if rest < 10:
        return _ZH_DIGITS[hundreds] + "百零" + _ZH_DIGITS[rest]
    tens = zh_numeral(rest)
    return _ZH_DIGITS[hundreds] + "百" + (tens if rest >= 20 else "一" + tens)


@dataclass(frozen=True)
class Day:
    year: int
    month: int
    day: int

    @property
    def iso(self) -> str:
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def cn(self) -> str:
        return f"{self.year}年{self.month}月{self.day}日"

    @property
    def en(self) -> str:
        return f"{V.EN_MONTHS[self.month - 1]} {self.day}, {self.year}"

    def plus_days(self, days: int) -> "Day":
        # Month arithmetic without datetime: good enough for plausible dates.
        ordinal = self.year * 372 + (self.month - 1) * 31 + (self.day - 1) + days
        year, rest = divmod(ordinal, 372)
        month, day = divmod(rest, 31)
        return Day(year, month + 1, min(day + 1, 28))


def random_day(rng: random.Random, first_year: int, last_year: int) -> Day:
    return Day(rng.randint(first_year, last_year), rng.randint(1, 12), rng.randint(1, 28))


# --- the per-document topic ----------------------------------------------------------


@dataclass
class Topic:
    element: str
    element2: str
    product: tuple[str, str]
    material: tuple[str, str]
    method: tuple[str, str]
    impurities: list[tuple[str, str]]
    city: str
    day: Day
    standards: list[tuple[str, str]] = field(default_factory=list)  # (std_no, title) to cite
    org: str | None = None      # the issuing body, for "…秘书处" and the like
    kind: str | None = None     # a policy text's own kind word (条例, 办法 …)

    @classmethod
    def draw(cls, rng: random.Random, day: Day, standards: list[tuple[str, str]]) -> "Topic":
        # Heavy rare earths are written about more than their tonnage suggests.
        element = rng.choice(V.HEAVY if rng.random() < 0.45 else V.LIGHT)
        return cls(element=element, element2=rng.choice(V.ELEMENTS)[0],
                   product=rng.choice(V.PRODUCTS), material=rng.choice(V.MATERIALS),
                   method=rng.choice(V.METHODS + V.PHYSICAL_METHODS), impurities=rng.sample(V.IMPURITIES, 5),
                   city=rng.choice(V.CITIES), day=day, standards=standards)


# --- sentence templates ----------------------------------------------------------------

TECH = """
{product}的{prop}应符合表{n}的规定。
产品中{imp}的质量分数不大于{pct}%，{imp}的质量分数不大于{pct}%。
{material}经{process}处理后，{prop}可提高{pct2}%以上，{prop}的变化不大于{pct2}%。
采用{process}工艺生产的{product}，稀土总量（REO）不小于{pct_hi}%，{el}的相对纯度不小于{pct_hi}%。
每批产品应由同一牌号、同一生产工艺、同一批原料连续生产的产品组成，批重不大于{tons_small}t。
产品应采用{packaging}包装，每件净重{kg}kg，包装外应标明产品名称、牌号、批号、净重、生产日期和本文件编号。
试样在{temp}℃下保温{hours}h后，{prop}的不可逆损失应不大于{pct2}%。
{material}主要用于{app}、{app}和{app}等领域。
产品的{prop}按{std}的规定进行测定。
{imp}含量的测定按{std}的规定进行，仲裁分析采用{method}。
产品外观应{appearance}，无目视可见的夹杂物。
需方对产品质量有异议时，应在收到产品之日起{days}日内提出，由供需双方协商解决。
出厂检验项目为化学成分和{prop}，型式检验项目为本文件第4章规定的全部项目。
检验结果中如有一项不合格，应从该批产品中加倍取样对不合格项目进行重复检验，若仍不合格，则判该批产品为不合格。
{material}的牌号由{el}含量、{prop}等级和{prop}等级三部分组成。
产品应贮存在通风、干燥、无腐蚀性气体的库房中，运输过程中应防止雨淋和包装破损。
本文件规定的{prop}指标系在{temp}℃条件下按{method}测得。
当{el}含量低于{pct}%时，应采用{method}进行测定。
{product}中{elf}的含量以{compound_f}计。
与{year_old}年版相比，{material}的{prop}指标普遍提高了{pct2}%～{pct3}%。
供方应保证产品符合本文件的规定，每批产品应附有质量证明书。
质量证明书应注明供方名称、产品名称、牌号、批号、净重、分析检验结果、本文件编号和出厂日期。
{compound}的粒度分布以中位径D50表示，D50应在{um}μm～{um2}μm之间。
以{compound}为原料，经{process}、{process}和{process}等工序制得{product}。
{material}的{prop}与{el}、{el2}的添加量密切相关，添加量每增加{pct2}%，{prop}约提高{x}kA/m。
为减少{elf}的用量，可采用{process}技术，在磁体表面涂覆含{elf}的化合物后进行热处理。
{product}的{imp}、{imp}含量直接影响{material}的{prop}，生产中应严格控制。
测定{prop}时，试样尺寸不小于{um}mm×{um}mm×{um}mm，测量温度为（{temp_room}±1）℃。
{material}按{prop}分为{zhn}个等级，各等级的{prop}和{prop}应符合表{n}的规定。
{compound_f}经{temp}℃灼烧{hours}h后，灼减应不大于{pct2}%。
{process}过程中应控制{reagent}的浓度和加入速度，避免{imp}等杂质随{el}共沉淀。
用于{app}的{material}，其{prop}的批内波动应不大于{pct2}%，批间波动应不大于{pct3}%。
{product}的取样按{std}的规定进行，每批随机抽取不少于{n}个包装件，从每件中取样不少于{kg}g。
仲裁时，{prop}以{instrument}的测定结果为准。
{material}在{temp_room}℃时的{prop}不低于{x}kJ/m³，在{temp}℃时不低于{x2}kJ/m³。
当供需双方对产品有特殊要求时，由供需双方协商确定，并在合同中注明。
{product}以{process}法生产时，{imp}、{imp}和{imp}的总量不大于{pct}%。
随着{app}对{material}需求的快速增长，{el}、{el2}等元素的消耗量逐年上升。
{company}采用{process}工艺建成年产{tons_small}千吨{product}生产线，产品主要供应{company}等{app}企业。
验证试验在{company}、{company}和{institute}三家实验室进行，各实验室的测定结果见附录{letter}。
本文件的{prop}指标参考了{company}、{company}等企业近{zhn}年的生产数据。
{compound}的晶型、粒度和形貌对后续{process}工序的效率有显著影响。
采用{process}和{process}联合工艺，{el}的回收率可达{pct_hi}%以上。
"""

METHOD = """
称取{mass}g试样，精确至0.0001g，置于{vol}mL{vessel}中。
加入{vol_small}mL{reagent}（1+{k}），低温加热至试样完全溶解，取下冷却至室温。
将溶液移入{vol}mL容量瓶中，用水稀释至刻度，混匀。
在{spectrometer}上，于{wave}nm波长处测量{imp}的发射强度。
以{imp}的质量浓度为横坐标、发射强度为纵坐标绘制工作曲线。
随同试样做空白试验。
试样中{imp}的质量分数按公式（{n}）计算，计算结果按GB/T 8170的规定修约至{k}位小数。
本方法的测定范围为{pct}%～{pct_big}%，方法检出限为{lod}μg/g。
将试样于{temp}℃烘干{hours}h，置于干燥器中冷却至室温后立即称量。
用{reagent}标准滴定溶液滴定至溶液由紫红色变为亮黄色即为终点。
以{el}基体匹配标准溶液系列校正基体效应，{imp}标准溶液的质量浓度分别为0μg/mL、{x}μg/mL、{x2}μg/mL和{x3}μg/mL。
除非另有说明，所用试剂均为分析纯，所用水为GB/T 6682规定的二级水。
{imp}标准贮存溶液：{imp}的质量浓度为{x}μg/mL，使用时逐级稀释。
试样以{reagent}和{reagent}溶解，在稀{reagent}介质中，用{instrument}测定{imp}的含量。
两次独立测试结果的绝对差值不大于重复性限（r），超过重复性限（r）的情况不超过5%。
试样粒度应不大于{um}μm，分析前应在{temp}℃烘干{hours}h。
仪器工作条件参见附录{letter}，可根据仪器型号适当调整。
当{imp}含量大于{pct}%时，应将分取的试液稀释{k}倍后测定。
在{wave}nm处{el}的谱线对{imp}有干扰，应选择{wave}nm作为分析线。
试样经{reagent}溶解后，以{reagent}掩蔽{imp}，在pH值{ph}的缓冲溶液中进行测定。
加入{vol_small}mL{reagent}，于电热板上蒸发至近干，稍冷后加入{vol_small}mL{reagent}溶解盐类。
按{vol_small}mL{reagent}、{vol_small}mL{reagent}的顺序加入，每加一种试剂后均须摇匀。
"""

# Notice sentences by kind of notice; "n_any" fits every kind.
NOTICE = {
    "n_solicit": """
根据{plan_name}，由{org}负责起草的《{std_title}》已完成征求意见稿。
为进一步提高标准的科学性、适用性和可操作性，现公开征求意见，请各有关单位认真研究并提出修改意见。
请于{date_cn}前将《标准征求意见表》以电子邮件形式反馈至{society}秘书处，逾期未反馈的按无异议处理。
标准起草工作组在充分调研{app}等下游领域需求的基础上，对{prop}、{prop}等技术指标进行了验证。
本标准的主要技术内容包括范围、规范性引用文件、术语和定义、{term}、{term}、试验方法和检验规则等。
{org}、{org}等{num2}家单位参与了标准验证工作，共完成{num3}个样品的比对试验。
秘书处将对收到的意见进行汇总处理，并在标准送审稿编制说明中予以说明。
与现行标准相比，征求意见稿调整了{prop}指标，增加了{compound}等牌号，删除了已不再生产的{product}牌号。
征求意见稿及编制说明可在{society}网站“标准化工作”栏目下载。
""",
    "n_publish": """
经{society}标准化工作委员会审查，《{std_title}》等标准已通过审定，现予发布。
以上标准自{date_cn}起实施，标准文本可在全国团体标准信息平台查阅。
该标准的制定将填补{material}领域的标准空白，对规范{product}市场、提高产品质量具有重要意义。
标准发布后，请各有关单位积极采用，并在执行过程中注意总结经验，如有意见和建议请及时反馈至{society}。
{society}将组织开展标准宣贯培训，推动标准在{app}等领域的应用。
标准的知识产权归{society}所有，未经许可不得以任何形式复制、发行。
""",
    "n_project": """
经{society}标准化工作委员会审查，批准《{std_title}》等{zhn}项团体标准立项，现予公告。
请各标准起草单位按照计划进度要求，抓紧开展标准起草工作，确保标准质量和进度。
标准起草周期原则上不超过{num12}个月，起草单位应于{date_cn}前完成征求意见稿。
欢迎{material}生产、使用和检测等相关单位参与标准起草工作，有意者请与秘书处联系。
立项项目的牵头单位为{org}，参与单位包括{org}、{org}等。
项目负责人为{company}{person}，主要参与人员包括{person}、{person}、{person}等。
""",
    "n_meeting": """
{society}定于{date_cn}在{city}召开《{std_title}》等{zhn}项标准审定会，会期{zhn}天。
会议主要内容包括：审查《{std_title}》等标准送审稿，讨论{year}年稀土标准制修订计划，交流{material}领域标准化工作经验。
请参会代表于{date_cn}前将回执发送至会务组，并提前做好标准送审稿的审查准备。
会议费用自理，会务组负责协助安排住宿，报到地点为{city}{hotel}。
请各委员准时参会，确因特殊情况不能参会的，请书面委托代表出席并提交书面意见。
来自{org}、{org}等单位的{num2}名专家和代表将参加会议。
会议由{society}副秘书长{person}主持，{company}{person}、{institute}{person}等专家将作专题报告。
""",
    "n_quota": """
{year}年第{zhn}批稀土开采、冶炼分离总量控制指标分别为{tons}吨和{tons}吨，其中中重稀土开采指标{tons_small}吨。
各地区要将指标分解落实到具体矿山和冶炼分离企业，严禁超指标生产，严禁收购、加工非法稀土矿产品。
{company}、{company}所属{city}{area}矿区和{city}{area}矿区的开采指标由集团公司统一调配。
{re_province}省级工业和信息化主管部门要会同自然资源主管部门加强对指标执行情况的监督检查，{freq}报送指标执行情况。
稀土集团要切实履行主体责任，严格执行指标管理，严禁无计划、超计划生产。
对未完成整改或者存在违法违规行为的企业，将视情况扣减下一年度总量控制指标。
各稀土集团应于{date_cn}前将指标分解情况报送工业和信息化部、自然资源部。
""",
    "n_plan": """
现将{year}年第{zhn}批推荐性国家标准计划下达给你们，请认真组织实施。
各技术委员会要严格按照标准计划项目的要求，加快标准研制进度，保证标准质量。
计划项目的完成周期为{num12}个月，确需延期的，应在计划下达后{num12}个月内提出申请。
全国稀土标准化技术委员会负责{material}等领域标准的组织起草和技术审查工作。
计划项目中涉及专利的，应按照国家标准涉及专利的管理规定处理。
""",
    "n_any": """
各有关单位在执行过程中如有意见和建议，请及时反馈至{org}。
为贯彻落实《国家标准化发展纲要》，加快构建{material}领域标准体系，{society}组织开展了相关标准的制修订工作。
""",
}

POLICY = """
{actor}{modal}{adv}{verb}{obj}，{verb}{obj}。
{gov}会同{gov}{adv}{verb}全国{topic}工作。
国家对{topic}实行{measure}。
违反本{kind}的规定，{violation}的，由{authority}责令改正，没收违法所得，并处违法所得{mult}倍以上{mult2}倍以下的罚款；没有违法所得或者违法所得不足{money}万元的，处{money_range}的罚款。
{actor}{modal}建立{system}，如实记录{record_item}，相关记录保存期限不少于{years}年。
出口{export_item}的，出口经营者{modal}向{gov}申请许可，并提交{docs}。
县级以上地方人民政府{modal}将{topic}纳入本行政区域国民经济和社会发展规划，保障所需经费。
{gov}{modal}{freq}对{actor}执行本{kind}的情况进行监督检查，发现问题{adv}依法处理。
任何组织和个人不得{violation}。
本{kind}所称{term_def}。
国家鼓励和支持{actor}采用先进适用的技术、工艺和装备，{verb}{obj}，提高资源利用效率。
{gov}负责建立{topic}信息系统，实现{obj}数据共享。
对在{topic}工作中做出显著成绩的单位和个人，按照国家有关规定给予表彰和奖励。
{topic}的具体办法由{gov}会同{gov}另行制定。
{actor}未按照规定报送{report}的，由{authority}责令限期改正；逾期不改正的，处{money_range}的罚款。
有关部门{modal}加强对{topic}的统计分析，{freq}发布行业运行情况，引导{actor}合理安排生产。
{year}年，全国稀土矿产品产量约{tons}吨（以REO计），冶炼分离产品产量约{tons}吨，同比增长{pct2}%。
{re_province}等地区{modal}结合实际，{verb}{obj}，{verb}{obj}，确保{goal}。
{actor}应当遵守矿产资源、节约能源、环境保护、清洁生产、安全生产和消防等方面的法律法规。
{gov}{modal}根据{factors}等因素，确定年度{topic}指标。
为了{verb}{obj}，保障{goal}，根据有关法律，制定本{kind}。
{actor}{modal}在{deadline}向{gov}报送上一年度{report}。
对举报{violation}行为的，有关部门{modal}及时核查处理，并为举报人保密。
{export_item}的出口许可证件有效期为{years}年，有效期届满需要继续出口的，应当重新申请。
{gov}在审查出口申请时，{modal}综合考虑{factors}等因素。
{actor}{modal}按照国家有关规定，在{deadline}将{report}报送所在地{authority}。
国家建立{topic}协调机制，统筹解决{topic}中的重大问题。
{gov}{modal}加强对{actor}的指导和服务，{verb}{obj}，推动{goal}。
{actor}发生重大安全事故或者环境污染事件的，{modal}立即采取措施并向{authority}报告。
有关部门及其工作人员在{topic}工作中滥用职权、玩忽职守、徇私舞弊的，依法给予处分；构成犯罪的，依法追究刑事责任。
{actor}对{gov}作出的行政处罚决定不服的，可以依法申请行政复议或者提起行政诉讼。
新建、改建、扩建稀土项目，{modal}符合{topic}要求，并依法办理环境影响评价、节能审查等手续。
稀土产品追溯信息包括产品名称、规格、数量、来源、流向和{record_item}等内容。
{gov}{modal}会同有关部门建立{actor}信用评价制度，对严重失信主体依法实施联合惩戒。
{actor}{modal}按照{std}等标准组织生产，保证产品质量符合国家标准和行业标准的要求。
在{re_province}等稀土资源集中地区，{modal}划定稀土资源保护区，禁止{violation}。
{actor}转让、出租总量控制指标的，由{authority}没收违法所得，并扣减其下一年度指标。
前款规定的{export_item}清单，由{gov}会同{gov}制定、调整并公布。
{city}{area}稀土矿区实行保护性开采，由{company}负责开采和矿山生态修复，其他单位和个人不得进入矿区开采。
经查，{company}在{city}{area}一带{violation}，{authority}依法没收其违法所得并处罚款，相关责任人{person}被移送司法机关。
{company}、{company}等企业被列入{year}年稀土行业规范条件企业名单。
"""

HEADINGS = """
{verb}{obj}
{adv}{verb}{obj}
{verb}{topic}
{verb}{obj}，{verb}{obj}
{adv}{verb}{topic}工作
"""


def _compile(block: str) -> list[list[str]]:
    """Template lines → lists alternating literal text and slot names."""
    return [re.split(r"\{(\w+)\}", line) for line in block.strip().splitlines() if line.strip()]


TEMPLATES = {name: _compile(block) for name, block in
             [("tech", TECH), ("method", METHOD), ("policy", POLICY), ("heading", HEADINGS)]
             + list(NOTICE.items())}

APPEARANCE = V.words("呈灰白色粉末 呈浅黄色粉末 呈银白色金属光泽 表面清洁、无氧化色 为不规则块状 呈黑灰色致密块状 呈白色疏松粉末 呈粉红色粉末")
MEASURES = V.words("总量控制 许可管理 统一规划 动态管理 分级分类管理 备案管理 目录管理 追溯管理 保护性开采")
AUTHORITIES = V.words("县级以上地方人民政府工业和信息化主管部门 自然资源主管部门 商务主管部门 海关 市场监督管理部门 生态环境主管部门 税务机关")
RECORD_ITEMS = V.words("稀土产品的品种、数量和流向 原料来源和生产数量 产品销售对象和数量 出口物项的最终用户和最终用途 库存变化情况")
DOCS = V.words("出口合同或者协议的副本 最终用户和最终用途证明文件 物项的技术说明或者检测报告 出口经营者的资质证明 国务院商务主管部门规定的其他文件")
REPORTS = V.words("生产经营情况 总量控制指标执行情况 产品流向记录 统计报表 出口情况 安全生产情况 年度报告")
FACTORS = V.words("资源储量和种类差异 产业发展需要 生态保护要求 市场需求 国家安全 国际义务 最终用户和最终用途 技术水平和环保安全水平")
DEFINITIONS = V.words(
    "对各类稀土原矿进行开采和选矿、产出稀土矿产品的生产过程 "
    "以稀土矿产品为原料、加工产出各类单一或者混合稀土氧化物、盐类及其他化合物的生产过程 "
    "以稀土氧化物、盐类为原料、通过熔盐电解或者金属热还原等方法产出稀土金属或者合金的生产过程 "
    "从含稀土的废旧物品和生产废料中回收稀土元素的生产过程 "
    "稀土开采、冶炼分离、金属冶炼、综合利用及产品流通各环节的记录和信息")
TERMS_P = V.words("稀土开采 稀土冶炼分离 稀土金属冶炼 稀土综合利用 稀土产品追溯")  # parallel to DEFINITIONS
HOTELS = V.words("宾馆 国际酒店 大酒店 会议中心 饭店 迎宾馆")
PLAN_NAMES = V.words("年度标准制修订计划 标准化工作要点 团体标准立项计划 行业标准制修订计划 推荐性国家标准计划")


class Prose:
    """Fills templates for one document; all randomness comes from `rng`."""

    def __init__(self, rng: random.Random, topic: Topic):
        self.rng = rng
        self.topic = topic

    # --- sentences and paragraphs ------------------------------------------------

    def sentence(self, genre: str) -> str:
        return self.render(self.rng.choice(TEMPLATES[genre]), lead=genre != "heading")

    def sentences_once(self, genre: str) -> list[str]:
        """Every template of a genre once, in random order (for sentences a text says once)."""
        templates = TEMPLATES[genre]
        return [self.render(parts) for parts in self.rng.sample(templates, len(templates))]

    def render(self, parts: list[str], lead: bool = True) -> str:
        out = [parts[0]]
        for i in range(1, len(parts), 2):
            out.append(self.slot(parts[i]))
            out.append(parts[i + 1])
        text = "".join(out)
        if lead and self.rng.random() < 0.18:
            text = self.rng.choice(V.LEADS) + text
        return text

    def paragraph(self, genres: tuple[str, ...], sentences: tuple[int, int] = (2, 6)) -> str:
        count = self.rng.randint(*sentences)
        return "".join(self.sentence(self.rng.choice(genres)) for _ in range(count))

    def slot(self, name: str) -> str:
        return getattr(self, "s_" + name)()

    # --- slots: topic-biased vocabulary ----------------------------------------------

    def _biased(self, focus, items):
        return focus if self.rng.random() < 0.6 else self.rng.choice(items)

    def s_el(self) -> str:
        return self._biased(self.topic.element, [e for e, _ in V.ELEMENTS])

    def s_elf(self) -> str:
        return self.topic.element

    def s_el2(self) -> str:
        return self._biased(self.topic.element2, [e for e, _ in V.ELEMENTS])

    def s_compound(self) -> str:
        return self.rng.choice(V.COMPOUND_FORMS)[0].format(e=self.s_el())

    def s_compound_f(self) -> str:
        return self.rng.choice(V.COMPOUND_FORMS)[0].format(e=self.topic.element)

    def s_product(self) -> str:
        return self._biased(self.topic.product, V.PRODUCTS)[0]

    def s_material(self) -> str:
        return self._biased(self.topic.material, V.MATERIALS)[0]

    def s_method(self) -> str:
        return self._biased(self.topic.method, V.METHODS + V.PHYSICAL_METHODS)[0]

    def s_imp(self) -> str:
        return self.rng.choice(self.topic.impurities if self.rng.random() < 0.7 else V.IMPURITIES)[0]

    def s_std(self) -> str:
        if self.topic.standards and self.rng.random() < 0.7:
            return self.rng.choice(self.topic.standards)[0].replace("-", "—")
        return self.rng.choice(V.STD_NORMATIVE_REFS)[0]

    def s_std_title(self) -> str:
        if self.topic.standards:
            return self.rng.choice(self.topic.standards)[1]
        return self.s_product()

    def s_city(self) -> str:
        return self._biased(self.topic.city, V.CITIES)

    def s_year(self) -> str:
        return str(self.topic.day.year - self.rng.randint(0, 1))

    def s_year_old(self) -> str:
        return str(self.topic.day.year - self.rng.randint(5, 12))

    def s_date_cn(self) -> str:
        return self.topic.day.plus_days(self.rng.randint(-20, 60)).cn

    # --- slots: plain lists ---------------------------------------------------------------

    def s_prop(self) -> str: return self.rng.choice(V.PROPERTIES)
    def s_process(self) -> str: return self.rng.choice(V.PROCESSES)
    def s_app(self) -> str: return self.rng.choice(V.APPLICATIONS)[0]
    def s_packaging(self) -> str: return self.rng.choice(V.PACKAGING)
    def s_appearance(self) -> str: return self.rng.choice(APPEARANCE)
    def s_reagent(self) -> str: return self.rng.choice(V.REAGENTS)
    def s_vessel(self) -> str: return self.rng.choice(V.VESSELS)
    def s_instrument(self) -> str: return self.rng.choice(V.INSTRUMENTS)
    def s_spectrometer(self) -> str: return self.rng.choice(V.INSTRUMENTS[:3])
    def s_term(self) -> str: return self.rng.choice(V.TERMS)
    def s_gov(self) -> str: return self.rng.choice(V.GOV_BODIES)[0]
    def s_society(self) -> str: return self.topic.org or self.rng.choice(V.SOCIETIES)[0]
    def s_plan_name(self) -> str: return self.rng.choice(PLAN_NAMES)
    def s_re_province(self) -> str: return self.rng.choice(V.RE_PROVINCES)
    def s_actor(self) -> str: return self.rng.choice(V.POLICY_ACTORS)
    def s_verb(self) -> str: return self.rng.choice(V.POLICY_VERBS)
    def s_obj(self) -> str: return self.rng.choice(V.POLICY_OBJECTS)
    def s_goal(self) -> str: return self.rng.choice(V.POLICY_GOALS)
    def s_adv(self) -> str: return self.rng.choice(V.ADVERBS)
    def s_modal(self) -> str: return self.rng.choice(V.MODALS)
    def s_freq(self) -> str: return self.rng.choice(V.FREQUENCIES)
    def s_deadline(self) -> str: return self.rng.choice(V.DEADLINES)
    def s_system(self) -> str: return self.rng.choice(V.SYSTEMS)
    def s_years(self) -> str: return self.rng.choice(("二", "三", "三", "五", "五", "十"))
    def s_topic(self) -> str: return self.rng.choice(V.POLICY_TOPICS)
    def s_kind(self) -> str: return self.topic.kind or self.rng.choice(V.POLICY_KINDS)
    def s_measure(self) -> str: return self.rng.choice(MEASURES)
    def s_violation(self) -> str: return self.rng.choice(V.VIOLATIONS)
    def s_export_item(self) -> str: return self.rng.choice(V.EXPORT_ITEMS)
    def s_authority(self) -> str: return self.rng.choice(AUTHORITIES)
    def s_record_item(self) -> str: return self.rng.choice(RECORD_ITEMS)
    def s_docs(self) -> str: return "、".join(self.rng.sample(DOCS, 2))
    def s_report(self) -> str: return self.rng.choice(REPORTS)
    def s_factors(self) -> str: return "、".join(self.rng.sample(FACTORS, 3))
    def s_hotel(self) -> str: return self.name_chars(2) + self.rng.choice(HOTELS)

    def s_term_def(self) -> str:
        i = self.rng.randrange(len(TERMS_P))
        return f"{TERMS_P[i]}，是指{DEFINITIONS[i]}"
    def s_letter(self) -> str: return self.rng.choice("ABC")

    # --- slots: numbers -----------------------------------------------------------------------

    def s_n(self) -> str: return str(self.rng.randint(1, 6))
    def s_k(self) -> str: return str(self.rng.randint(1, 4))
    def s_zhn(self) -> str: return zh_numeral(self.rng.randint(2, 12))
    def s_num2(self) -> str: return str(self.rng.randint(12, 96))
    def s_num3(self) -> str: return str(self.rng.randint(20, 400))
    def s_num12(self) -> str: return str(self.rng.choice((6, 9, 12, 18, 24)))
    def s_days(self) -> str: return str(self.rng.choice((7, 10, 15, 20, 30, 60)))
    def s_pct(self) -> str: return f"{self.rng.choice((0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.03, 0.05, 0.1)) * self.rng.randint(1, 5):.4g}"
    def s_pct_big(self) -> str: return f"{self.rng.choice((0.5, 1.0, 2.0, 5.0, 10.0, 20.0)):.2f}"
    def s_pct2(self) -> str: return str(self.rng.randint(2, 30))
    def s_pct3(self) -> str: return str(self.rng.randint(31, 60))
    def s_pct_hi(self) -> str: return self.rng.choice(("99.0", "99.5", "99.9", "99.95", "99.99", "99.995", "99.999", "98.5", "95.0"))
    def s_tons(self) -> str: return str(self.rng.randrange(10000, 270000, 10))
    def s_tons_small(self) -> str: return str(self.rng.choice((1, 2, 3, 5, 10, 20, 50)) * self.rng.randint(1, 9))
    def s_kg(self) -> str: return str(self.rng.choice((25, 50, 100, 200, 250, 500, 1000)))
    def s_temp(self) -> str: return str(self.rng.choice((105, 110, 150, 180, 200, 500, 850, 900, 950, 1000, 1050)))
    def s_temp_room(self) -> str: return str(self.rng.choice((20, 23, 25)))
    def s_hours(self) -> str: return str(self.rng.choice((0.5, 1, 2, 3, 4, 6, 8, 12, 24))).removesuffix(".0")
    def s_mass(self) -> str: return self.rng.choice(("0.1000", "0.2000", "0.2500", "0.5000", "1.0000", "2.0000", "5.00"))
    def s_vol(self) -> str: return str(self.rng.choice((25, 50, 100, 200, 250, 500)))
    def s_vol_small(self) -> str: return str(self.rng.choice((1, 2, 5, 10, 15, 20, 30)))
    def s_wave(self) -> str: return f"{self.rng.uniform(190, 460):.3f}"
    def s_lod(self) -> str: return f"{self.rng.choice((0.01, 0.05, 0.1, 0.5, 1, 2, 5)):g}"
    def s_x(self) -> str: return str(self.rng.choice((0.5, 1, 2, 5, 10, 20, 50, 100, 1000))).removesuffix(".0")
    def s_x2(self) -> str: return self.s_x()
    def s_x3(self) -> str: return self.s_x()
    def s_um(self) -> str: return str(self.rng.choice((1, 2, 3, 5, 10, 15, 20, 45, 75, 150)))
    def s_um2(self) -> str: return str(self.rng.choice((25, 50, 100, 200, 300)))
    def s_ph(self) -> str: return f"{self.rng.uniform(2.0, 10.5):.1f}"
    def s_mult(self) -> str: return str(self.rng.choice((1, 2, 3, 5)))
    def s_mult2(self) -> str: return str(self.rng.choice((5, 10, 20)))
    def s_money(self) -> str: return str(self.rng.choice((5, 10, 20, 30, 50)))

    def s_money_range(self) -> str:
        low = self.rng.choice((1, 5, 10, 20, 50))
        high = low * self.rng.choice((5, 10, 20))
        return f"{low}万元以上{high}万元以下"

    # --- slots: generated names (the long tail of characters) -------------------------------

    def name_chars(self, count: int) -> str:
        return "".join(self.rng.choices(NAME_POOL, cum_weights=NAME_CUM, k=count))

    def s_person(self) -> str:
        # Common surnames dominate; the given name is drawn from the long tail.
        surname = V.SURNAMES[min(int(self.rng.expovariate(1 / 12)), len(V.SURNAMES) - 1)]
        return surname + self.name_chars(self.rng.choice((1, 2, 2, 2)))

    def s_company(self) -> str:
        return (self.s_city() + self.name_chars(2) + self.rng.choice(V.COMPANY_TRADES)
                + self.rng.choice(V.COMPANY_SUFFIXES))

    def s_institute(self) -> str:
        return self.rng.choice(V.INSTITUTES)

    def s_area(self) -> str:
        # Mining areas and villages: two tail characters and a place word.
        return self.name_chars(2) + self.rng.choice(("镇", "乡", "村", "矿区", "山", "坑", "岭"))

    def s_org(self) -> str:
        return self.rng.choice(V.INSTITUTES) if self.rng.random() < 0.5 else self.s_company()

    def s_phone(self) -> str:
        area = self.rng.choice(("010", "0471", "0472", "0797", "0791", "028", "0592", "020", "0574"))
        return f"{area}-{self.rng.randint(6000000, 89999999)}"

    def s_email(self) -> str:
        user = "".join(self.rng.choices("abcdefghijklmnopqrstuvwxyz", k=self.rng.randint(3, 9)))
        return f"{user}@{self.rng.choice(('csre.org.cn', 'cre.net', 'miit.gov.cn', 'bri-re.cn', '163.com', 'qq.com'))}"
