"""Pages about a text and pages of the text itself, on sites nobody wrote for stdidx:
newspaper items and trade-council summaries that quote a regulation, a body's notice on
another's text, translation posts, company announcements, numbers in Hong Kong and
romanised forms, signatures before an attachment's list.

Each page is written in the shape its kind of site publishes and goes through the real
reader and builder.
"""
import pytest

from indexer.extract.build import Builder
from indexer.extract.docno import find_doc_nos
from indexer.read import read_file

BODY_ZH = "相關企業應核實上游供應商是否屬於合規企業，並保存採購憑證以備追溯查核，港資企業亦應留意有關要求。" * 2


def page(tmp_path, name, text):
    (tmp_path / name).write_text(text, "utf-8")
    return Builder().build(read_file(tmp_path / name)[0], name)


def html(title, body, head_title=None):
    return (f"<html><head><meta charset='utf-8'><title>{head_title or title}</title></head>"
            f"<body><h1>{title}</h1>{body}</body></html>")


# --- kinds: a report on a text is news; a body's notice on another's text is that body's

def test_a_newspaper_item_with_a_dateline_is_news_though_it_quotes_the_rule(tmp_path):
    body = ("<p>【星島專訊】國家工業和信息化部昨日（3日）發布第75號令，公布《稀土產品追溯管理辦法》，"
            "辦法自公布之日起施行。業內人士認為，措施將進一步規範稀土流通。</p><p>" + BODY_ZH + "</p>")
    r = page(tmp_path, "a.html", html("工信部發布稀土追溯辦法 即日起施行", body))
    assert (r.doc_type, r.provenance["fields"]["doc_type"]["rule"]) == ("news", "page:dateline-or-commentary")
    assert r.doc_no is None and r.issuers == []


def test_a_trade_council_summary_of_a_mainland_rule_is_news(tmp_path):
    body = ("<p>發布日期：2025年3月2日</p><p>國務院於2月28日公布《稀土產品追溯管理條例》，自公布之日起施行。</p>"
            "<p>主要內容：建立追溯信息系統；企業須記錄產品流向。</p><p>" + BODY_ZH + "</p>"
            "<p>本文內容僅供參考，不構成法律意見。</p>")
    r = page(tmp_path, "b.html", html("內地公布稀土產品追溯管理條例", body, "內地公布稀土產品追溯管理條例 | 經貿研究"))
    assert (r.doc_type, r.provenance["fields"]["doc_type"]["rule"]) == ("news", "page:report-headline")
    assert r.issuers == []


def test_a_commentary_disclaimer_makes_a_summary_news(tmp_path):
    body = ("<p>2025年3月2日 稀土觀察</p><p>追溯新規自今年3月起施行，條例自公布之日起施行的條款涉及多類企業，我們梳理了企業需要做的準備。</p><p>"
            + BODY_ZH + "</p><p>注：本文僅為作者個人理解，不構成法律意見，以官方發布為準。</p>")
    r = page(tmp_path, "c.html", html("稀土追溯新規：企業需要做什麼", body))
    assert r.doc_type == "news"


def test_an_explainer_titled_as_one_is_news(tmp_path):
    r = page(tmp_path, "d.md", "# 一文读懂商务部2025年第70号公告\n\n2025年11月2日 20:31 北京\n\n"
             "商务部发布公告，对部分稀土设备实施出口管制，我们梳理了企业需要关注的事项和准备工作，供读者参考。" * 2 + "\n")
    assert (r.doc_type, r.provenance["fields"]["doc_type"]["rule"]) == ("news", "page:summary-of-a-text")


def test_a_bodys_notice_on_a_mainland_standards_release_is_its_standards_notice(tmp_path):
    body = ("<p>資料來源：第二組 發布日期：114年9月1日</p>"
            "<p>中國大陸國家市場監督管理總局於2025年8月20日以國家標準公告2025年第21號批准發布一批國家標準，"
            "其中與稀土相關者摘要如下，供國內業者參考：</p><p>GB/T 15071-2025 金屬鏑</p>")
    r = page(tmp_path, "e.html", html("中國大陸發布金屬鏑等稀土國家標準", body, "國外標準動態｜經濟部標準檢驗局"))
    assert (r.doc_type, r.provenance["fields"]["doc_type"]["rule"]) == \
        ("standard_notice", "page:body-notice-on-a-text")
    assert [i.id for i in r.issuers] == ["TW_BSMI"]


def test_a_comment_request_for_a_rule_is_no_standards_notice(tmp_path):
    text = ("关于公开征求《稀土产品追溯管理办法（征求意见稿）》意见的通知\n发布时间：2025-03-03 来源：原材料工业司\n"
            "为加强稀土产品追溯管理，我司起草了《稀土产品追溯管理办法（征求意见稿）》，现向社会公开征求意见。"
            "意见反馈截止时间为2025年4月2日。\n工业和信息化部原材料工业司\n2025年3月1日\n")
    r = page(tmp_path, "f.txt", text)
    assert r.doc_type == "policy"


# --- titles

def test_a_translation_posts_headline_over_the_bare_heading_and_number(tmp_path):
    text = ("Law Translations | Home | Search\nPosted: May 2, 2024 | Category: Standards\n"
            "MIIT Announcement No. 5 of 2024 on Approving 30 Industry Standards\n"
            "Announcement of the Ministry of Industry and Information Technology of the People's Republic of China\n"
            "No. 5 of 2024\n"
            "The Ministry of Industry and Information Technology has approved 30 industry standards, including "
            "rare earth standards listed in the appendix, with their numbers, names and implementation dates, "
            "and they are hereby published.\nMinistry of Industry and Information Technology\nApril 20, 2024\n")
    r = page(tmp_path, "g.txt", text)
    assert r.title == "MIIT Announcement No. 5 of 2024 on Approving 30 Industry Standards"
    assert r.doc_type == "standard_notice"
    decree = ("english site\nHome > Policies\nRegulations on Rare Earth Product Tracing\nUpdated: May 9, 2025\n"
              "Decree of the State Council of the People's Republic of China\nNo. 801\n"
              "The Regulations on Rare Earth Product Tracing, adopted at the executive meeting of the State Council, "
              "are hereby promulgated and shall come into force as of the date of promulgation and thereafter.\n")
    assert page(tmp_path, "h.txt", decree).title == "Regulations on Rare Earth Product Tracing"


def test_a_company_announcement_is_titled_with_its_name_line(tmp_path):
    text = ("证券代码：600111　证券简称：北方稀土　公告编号：临2025-030\n\n中国北方稀土（集团）高科技股份有限公司\n"
            "关于调整2025年第三季度稀土精矿交易价格的公告\n\n"
            "本公司董事会及全体董事保证本公告内容不存在任何虚假记载、误导性陈述或者重大遗漏，并对其内容的真实性、准确性和完整性承担法律责任。\n")
    r = page(tmp_path, "i.txt", text)
    assert r.title == "中国北方稀土（集团）高科技股份有限公司关于调整2025年第三季度稀土精矿交易价格的公告"


def test_a_file_label_and_a_file_name_are_no_title(tmp_path):
    text = ("文件資訊\n文件名稱：GBT15071-2025 金屬鏑.pdf\n上傳時間：2025-09-01　頁數：8頁\n\nICS 77.120.99\n"
            "中華人民共和國國家標準\nGB/T 15071—2025\n金屬鏑\n2025-08-01 發布　2026-02-01 實施\n")
    assert page(tmp_path, "j.txt", text).title == "金屬鏑"
    body = ("<p>ISO | Standards | Store</p><p>ISO 22927:2021</p><p>Rare earth — Vocabulary — Part 1: Minerals</p>"
            "<p>This document defines terms for rare earth minerals and their concentrates, as used in the "
            "rare earth industry, trade and research, for the purposes of standardization.</p>")
    r = page(tmp_path, "k.html", "<html><head><meta charset='utf-8'><title>x</title></head><body>"
             "<h1>ISO 22927:2021</h1>" + body + "</body></html>")
    assert r.title == "Rare earth — Vocabulary — Part 1: Minerals"
    r = page(tmp_path, "l.html", "<html><head><meta charset='utf-8'><title>2025090100321.pdf</title></head><body>"
             "<p>2025090100321.pdf</p><p>关于稀土产品价格的自愿性公告</p><p>" + "本公司董事会欣然宣布，公司已取得部分产品的出口许可。" * 4
             + "</p></body></html>")
    assert not r.title.endswith(".pdf")


# --- numbers

@pytest.mark.parametrize("text, number", [
    ("工业贸易署通告 第12/2025号", "工业贸易署通告第12/2025号"),
    ("[Document Number]Gong Xin Bu Lian Yuan [2024] No. 7", "Gong Xin Bu Lian Yuan [2024] No. 7"),
    ("Nei Zheng Ban Fa [2023] No. 40", "Nei Zheng Ban Fa [2023] No. 40"),
    ("于2025年8月1日以国家标准公告2025年第21号批准", "国家标准公告2025年第21号"),
    ("其中商务部公告2025年第70号规定", "商务部公告2025年第70号"),
])
def test_numbers_in_hong_kong_and_romanised_forms_and_after_prose(text, number):
    assert [f[0] for f in find_doc_nos(text)] == [number]


def test_a_pages_own_number_in_traditional_english_and_heading_forms(tmp_path):
    hk = html("中國內地對稀土設備實施出口管制", "<p>工業貿易署通告 第12/2025號</p><p>2025年11月3日</p>"
              "<p>致：各出口商</p><p>1. 本通告旨在提醒業界，中華人民共和國商務部於2025年10月30日發布公告，"
              "對部分稀土設備實施出口管制。" + BODY_ZH + "</p><p>工業貿易署署長</p>")
    assert page(tmp_path, "m.html", hk).doc_no == "工业贸易署通告第12/2025号"
    en = ("Notice on Issuing the Measures for Rare Earth Product Tracing\n[Issuing Unit]Ministry of Industry and "
          "Information Technology; National Development and Reform Commission; Ministry of Natural Resources\n"
          "[Document Number]Gong Xin Bu Lian Yuan [2024] No. 7\n[Issuing Date]2024-03-05\n"
          "The Measures for Rare Earth Product Tracing are hereby issued to you. Please earnestly implement them.\n")
    r = page(tmp_path, "n.txt", en)
    assert r.doc_no == "Gong Xin Bu Lian Yuan [2024] No. 7"
    assert [i.id for i in r.issuers] == ["MIIT", "NDRC", "MNR"]  # the whole joint label, however long
    title = html("Announcement of National Standards of the People's Republic of China (No. 9 of 2024)",
                 "<p>The State Administration for Market Regulation has approved 20 national standards, which are "
                 "hereby announced.</p>")
    assert page(tmp_path, "o.html", title).doc_no == "No. 9 of 2024"
    zh = ("当前位置：首页 > 国家标准公告\n中华人民共和国国家标准公告\n2025年第21号\n发布日期：2025-08-25\n"
          "国家市场监督管理总局（国家标准化管理委员会）批准《金属镝》等12项推荐性国家标准，现予以公布。\n")
    assert page(tmp_path, "p.txt", zh).doc_no == "国家标准公告2025年第21号"


# --- signatures

def test_a_signature_before_an_attachments_list_names_every_body_and_the_date(tmp_path):
    rows = "".join(f"<p>{n} GB/T {15000 + n}-2025 稀土金属化学分析方法 第{n}部分：杂质含量的测定 2026-02-01</p>"
                   for n in range(1, 8))
    body = ("<p>中华人民共和国国家标准公告</p><p>2025年第21号</p><p>发布日期：2025-08-25　浏览次数：120</p>"
            "<p>国家市场监督管理总局（国家标准化管理委员会）批准《金属镝》等12项推荐性国家标准，现予以公布。</p>"
            "<p>国家市场监督管理总局</p><p>国家标准化管理委员会</p><p>2025年8月20日</p>"
            "<p>附件：12项推荐性国家标准目录</p><p>序号 国家标准编号 国家标准名称 实施日期</p>" + rows
            + "<p>附件下载：2025年第21号公告.pdf</p>")
    r = page(tmp_path, "q.html", html("关于批准发布《金属镝》等12项推荐性国家标准的公告", body, "国家标准化管理委员会"))
    assert [i.id for i in r.issuers] == ["SAMR", "SAC"]
    assert r.issued == "2025-08-20"


# --- dates and issuers as English and Taiwan pages write them

def test_a_taiwan_page_dated_in_the_republics_calendar(tmp_path):
    body = ("<p>發布日期：114-04-20　　發布單位：兩岸經貿服務中心　　點閱：315</p>"
            "<p>中國大陸商務部於4月18日發布公告，對部分稀土設備實施出口管制，以下為重點整理，供會員參考。</p><p>" + BODY_ZH + "</p>")
    r = page(tmp_path, "r.html", html("中國大陸對稀土設備實施出口管制摘要", body, "中國大陸對稀土設備實施出口管制摘要｜某工業同業公會"))
    assert (r.doc_type, r.issued) == ("news", "2025-04-20")


def test_an_english_translations_issuing_date_label_and_signature_before_the_sites_lines(tmp_path):
    text = ("MOFCOM Announcement No. 70 of 2025 on Export Control of Rare Earth Equipment\n"
            "Source: Department of Industry Security　Updated: 2025-11-04 10:15\n"
            "[Issuing Unit]Ministry of Commerce\n[Issuing Date]2025-11-02\n"
            "In accordance with the relevant provisions of the Export Control Law, it is hereby announced as follows.\n"
            "1. This Announcement shall come into force on the date of promulgation.\n")
    assert page(tmp_path, "s.txt", text).issued == "2025-11-02"
    signed = ("Announcement No. 70 of 2025 of the Ministry of Commerce on Export Control of Rare Earth Equipment\n"
              "2025-11-05 | Source: MOFCOM | Print | Share\n"
              "In accordance with the relevant provisions of the Export Control Law, it is hereby announced that the "
              "items listed shall not be exported without permission.\n"
              "This Announcement shall come into force on the date of its promulgation.\n"
              "Ministry of Commerce\nNovember 2, 2025\n---\n"
              "Translator's note: the Chinese original is titled 商务部公告2025年第70号 and was published the same day.\n"
              "Previous: MOFCOM Announcement No. 69 of 2025 (2025-10-30)\nNext: Regular Press Conference (November 6, 2025)\n"
              "Copyright © 2025 All rights reserved.\n")
    assert page(tmp_path, "t.txt", signed).issued == "2025-11-02"


def test_bodies_an_english_sentence_names_before_its_verb_of_issue(tmp_path):
    text = ("Notice on Issuing the Measures for Rare Earth Product Tracing\n\n"
            "The Ministry of Industry and Information Technology and the National Development and Reform Commission "
            "have jointly issued the Measures for Rare Earth Product Tracing, which are hereby published and shall "
            "come into force on the date of issue.\n")
    assert [i.id for i in page(tmp_path, "u.txt", text).issuers] == ["MIIT", "NDRC"]
    catalogue = ("GB/T 15071-2025 English PDF\nStandard ID: GB/T 15071-2025\nDescription (Translated English): Dysprosium metal\n"
                 "Date of Issue: 2025-08-01\nDrafting Organization: Baotou Research Institute of Rare Earths\n"
                 "Issuing agency(ies): State Administration for Market Regulation; Standardization Administration of China\n"
                 "Summary: This standard specifies the requirements for dysprosium metal.\n")
    assert [i.id for i in page(tmp_path, "v.txt", catalogue).issuers] == ["SAMR", "SAC"]


def test_the_body_that_asks_for_comments_in_its_own_voice_issues_the_call(tmp_path):
    # ISO is named first, but the call is the British member body's.
    text = ("Have your say on a new field of activity for magnet recycling standards\n\n"
            "The International Organization for Standardization (ISO) is circulating a proposal from Japan. "
            "As the UK national standards body, the British Standards Institution (BSI) invites interested "
            "parties to submit comments on the proposal by 30 June 2024.\n")
    assert [i.id for i in page(tmp_path, "call.txt", text).issuers] == ["BSI"]
    told = text.replace("invites interested parties to submit comments", "has been told. Interested parties submit comments")
    assert [i.id for i in page(tmp_path, "told.txt", told).issuers] == ["ISO"]  # no call in its voice


# --- headings, numbers and signatures as catalogue, circular and translation pages print them

def test_a_translation_of_a_national_standards_announcement(tmp_path):
    text = ("Law Translations | Home | Standards\nPosted: October 2, 2025 | Category: Standards\n\n"
            "SAMR/SAC National Standards Announcement No. 25 of 2025 (Excerpt)\n\n"
            "National Standards Announcement of the People's Republic of China\nNo. 25 of 2025\n\n"
            "The State Administration for Market Regulation (Standardization Administration of China) has approved "
            "120 recommended national standards, including \"Terbium metal\", which are hereby announced.\n\n"
            "State Administration for Market Regulation\nStandardization Administration of China\nSeptember 20, 2025\n\n"
            "Annex (excerpt)\nNo. | Standard number | Title | Replaces | Implementation date\n"
            "12 | GB/T 20892-2025 | Terbium metal | GB/T 20892-2007 | 2026-04-01\n"
            "13 | GB/T 46130-2025 | Recycled terbium oxide | - | 2026-04-01\n")
    r = page(tmp_path, "w.txt", text)
    assert r.title == "SAMR/SAC National Standards Announcement No. 25 of 2025 (Excerpt)"
    assert r.doc_no == "No. 25 of 2025"
    assert [i.id for i in r.issuers] == ["SAMR", "SAC"] and r.issued == "2025-09-20"


def test_a_romanised_number_under_a_source_line_is_the_pages_own(tmp_path):
    body = ("<p>Updated: 2025-06-03 | Source: Department of Raw Materials Industry</p>"
            "<p>MIIT Yuan Han [2025] No. 140</p><p>The competent departments of industry and information technology "
            "of all provinces: the relevant matters are hereby notified as follows, please implement them.</p>"
            "<p>Ministry of Industry and Information Technology</p><p>May 30, 2025</p>")
    assert page(tmp_path, "x.html", html("Notice on Rare Earth Product Tracing Checks", body)).doc_no == \
        "MIIT Yuan Han [2025] No. 140"


def test_a_circular_titled_by_its_number_is_titled_by_its_subject(tmp_path):
    doc = ("<html><head><meta charset='utf-8'><title>工業貿易署 - 工業貿易署通告 第18/2025號</title></head><body>"
           "<p>工業貿易署 Trade and Industry Department</p><p>主頁 › 貿易通告 › 2025年</p>"
           "<p>工業貿易署通告 第18/2025號</p><p>2025年11月20日</p><p>中國內地對稀土永磁設備實施出口管制</p>"
           "<p>致：各出口商、轉口商及貨運代理</p><p>1. 本通告旨在提醒業界，中華人民共和國商務部於2025年11月15日發布公告。"
           + BODY_ZH + "</p><p>工業貿易署署長</p></body></html>")
    r = page(tmp_path, "y.html", doc)
    assert r.title == "中國內地對稀土永磁設備實施出口管制"
    assert r.doc_no == "工业贸易署通告第18/2025号"


def test_a_catalogue_rows_standard_name_is_the_title(tmp_path):
    body = ("<table><tr><td>标准号：</td><td>GB/T 20892-2025</td></tr><tr><td>中文标准名称：</td><td>金属铽</td></tr>"
            "<tr><td>英文标准名称：</td><td>Terbium metal</td></tr><tr><td>发布日期：</td><td>2025-09-20</td></tr>"
            "<tr><td>实施日期：</td><td>2026-04-01</td></tr></table>"
            "<p>备注：本标准规定了金属铽的技术要求、试验方法、检验规则、标志、包装、运输和贮存。</p>")
    r = page(tmp_path, "z.html", "<html><head><meta charset='utf-8'><title>国家标准|GB/T 20892-2025</title></head>"
             "<body><h1>GB/T 20892-2025</h1>" + body + "</body></html>")
    assert (r.title, r.doc_type) == ("金属铽", "standard")


def test_every_body_of_a_joint_signature_on_one_line(tmp_path):
    text = ("江西省工业和信息化厅 江西省生态环境厅关于开展稀土企业环保核查的通知\n\n赣工信原材料字〔2025〕101号\n\n"
            "各设区市工业和信息化局、生态环境局：\n　　现将有关事项通知如下，请认真贯彻执行。\n　　特此通知。\n\n"
            "江西省工业和信息化厅　　江西省生态环境厅\n2025年8月4日\n")
    names = [i.name_zh for i in page(tmp_path, "aa.txt", text).issuers]
    assert names == ["江西省工业和信息化厅", "江西省生态环境厅"]


def test_a_catalogue_record_in_label_and_value_lines(tmp_path):
    body = ("<p>全国标准信息服务平台 | 国家标准 | 行业标准</p><p>GB/T 20892-2025</p><p>金属铽</p><p>Terbium metal</p><p>现行</p>"
            "<dl><dt>标准号</dt><dd>GB/T 20892-2025</dd><dt>发布日期</dt><dd>2025-09-20</dd><dt>实施日期</dt><dd>2026-04-01</dd>"
            "<dt>发布单位</dt><dd>国家市场监督管理总局、国家标准化管理委员会</dd></dl>"
            "<p>相近标准</p><p>XB/T 219-2016 氧化镨钕 2016-01-15 现行</p>")
    r = page(tmp_path, "ab.html", "<html><head><meta charset='utf-8'><title>国家标准详细信息</title></head><body>"
             + body + "</body></html>")
    assert (r.title, r.doc_type, r.issued, r.effective) == ("金属铽", "standard", "2025-09-20", "2026-04-01")


def test_a_standard_dated_by_its_month_under_a_publication_date_label(tmp_path):
    body = ("<p>ISO | Standards | Store</p><p>ISO 23664:2021</p>"
            "<p>Traceability of rare earths in the supply chain from mine to separated products</p>"
            "<p>General information</p><p>Status : Published</p><p>Publication date : 2021-03</p>"
            "<p>This document specifies the requirements for traceability of rare earths in the supply chain "
            "and normative references for the information to be recorded.</p>")
    r = page(tmp_path, "ac.html", "<html><head><meta charset='utf-8'><title>x</title></head><body><h1>ISO 23664:2021</h1>"
             + body + "</body></html>")
    assert (r.doc_type, r.issued) == ("standard", "2021-03")


def test_a_bodys_notice_on_anothers_text_is_dated_by_its_own_page(tmp_path):
    body = ("<p>資料來源：第二組 發布日期：114年9月3日 瀏覽人次：85</p>"
            "<p>中國大陸國家市場監督管理總局及國家標準化管理委員會於2025年8月20日以國家標準公告2025年第21號批准發布一批國家標準，"
            "其中與稀土相關者摘要如下，供國內業者參考：</p><p>GB/T 20892-2025 金屬鋱</p>")
    r = page(tmp_path, "ad.html", html("中國大陸發布金屬鋱等稀土國家標準", body, "國外標準動態｜經濟部標準檢驗局"))
    assert (r.doc_type, r.issued) == ("standard_notice", "2025-09-03")


def test_a_title_shortened_to_a_count_of_bodies_takes_the_bodies_the_text_names(tmp_path):
    doc = ("<html><head><meta charset='utf-8'>"
           "<meta name='ArticleTitle' content='三部门关于下达2025年第二批稀土开采总量控制指标的通知'><title>x</title></head><body>"
           "<p>标　　题：工业和信息化部 国家发展改革委 自然资源部关于下达2025年第二批稀土开采总量控制指标的通知</p>"
           "<p>发文字号：工信部联原〔2025〕88号</p>"
           "<p>工业和信息化部 国家发展改革委 自然资源部关于下达2025年第二批稀土开采总量控制指标的通知</p>"
           "<p>各有关省、自治区工业和信息化、自然资源主管部门：</p><p>现将指标下达给你们，请认真贯彻执行。</p>"
           "<p>工业和信息化部</p><p>自然资源部</p><p>2025年8月12日</p></body></html>")
    r = page(tmp_path, "ae.html", doc)
    assert r.title == "工业和信息化部 国家发展改革委 自然资源部关于下达2025年第二批稀土开采总量控制指标的通知"
