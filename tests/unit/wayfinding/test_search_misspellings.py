"""Thirty misspellings a visitor makes, in three scripts, each finding the company meant among
look-alike names (Chenab beside Chengdu, Thar beside Tahir, 深圳 beside 深州)."""

from __future__ import annotations

import csv

import pytest

from kiosk.wayfinding import Wayfinder
from kiosk.wayfinding.exhibitors import import_exhibitors
from kiosk.wayfinding.sample import sample_rows
from kiosk.wayfinding.venue import load_venue

# (English, Urdu, Chinese, sector)
COMPANIES = [
    ("Chenab Software Systems", "چناب سافٹ ویئر سسٹمز", "", "software"),
    ("Chenab Payments", "چناب پیمنٹس", "", "fintech"),
    ("Chengdu Electronics Co.", "", "成都电子有限公司", "hardware"),
    ("Thar AI Labs", "تھر اے آئی لیبز", "", "ai"),
    ("Tahir Textiles", "طاہر ٹیکسٹائل", "", "startups"),
    ("Margalla Telecom", "مارگلہ ٹیلی کام", "", "telecom"),
    ("Karakoram Cloud", "قراقرم کلاؤڈ", "", "cloud"),
    ("Gwadar Payments", "گوادر پیمنٹس", "", "fintech"),
    ("Shalimar Bazaar", "شالیمار بازار", "", "e-commerce"),
    ("Jhelum Networks", "جہلم نیٹ ورکس", "", "networking"),
    ("Sialkot Devices", "سیالکوٹ ڈیوائسز", "", "hardware"),
    ("Mehran Solar", "مہران سولر", "", "solar"),
    ("Khyber Secure", "خیبر سیکیور", "", "cybersecurity"),
    ("Hunza Games", "ہنزہ گیمز", "", "gaming"),
    ("Indus Academy", "انڈس اکیڈمی", "", "edtech"),
    ("Clifton Fibre", "کلفٹن فائبر", "", "telecom"),
    ("Shenzhen Electronics Co.", "", "深圳电子有限公司", "hardware"),
    ("Shenzhou Trade Co.", "", "深州贸易有限公司", "e-commerce"),
    ("Hangzhou Cloud Co.", "", "杭州云计算有限公司", "cloud"),
    ("Beijing Data Co.", "", "北京数据有限公司", "ai"),
    ("Guangzhou Telecom Co.", "", "广州通信有限公司", "telecom"),
    ("Shanghai Telecom Co.", "", "上海通信有限公司", "telecom"),
    ("Wuhan Smart Tech Co.", "", "武汉智能科技有限公司", "iot"),
    ("Xi'an New Energy Co.", "", "西安新能源有限公司", "solar"),
]

MISSPELLINGS = [
    # Latin: letters dropped, doubled, swapped; the unfinished last word
    ("chenb", "Chenab Software Systems"),
    ("chenb softwre", "Chenab Software Systems"),
    ("chenab paymnts", "Chenab Payments"),
    ("tahr ai", "Thar AI Labs"),
    ("margala", "Margalla Telecom"),
    ("karakorum clod", "Karakoram Cloud"),
    ("gwader pay", "Gwadar Payments"),
    ("shalimr", "Shalimar Bazaar"),
    ("jehlum", "Jhelum Networks"),
    ("sialkt devises", "Sialkot Devices"),
    ("mehraan", "Mehran Solar"),
    ("kyber secur", "Khyber Secure"),
    # Urdu: ہ/ھ, ک/ق, ت/ط, ا/ہ confusions, a letter left out
    ("چنب", "Chenab Software Systems"),
    ("تہر اے آئی", "Thar AI Labs"),
    ("مارگلا", "Margalla Telecom"),
    ("کراکرم", "Karakoram Cloud"),
    ("شالمار", "Shalimar Bazaar"),
    ("جھلم", "Jhelum Networks"),
    ("سیالکوت", "Sialkot Devices"),
    ("مھران", "Mehran Solar"),
    ("ہنزا گیمز", "Hunza Games"),
    # Chinese: homophones, traditional characters, pinyin typed with typos
    ("深镇电子", "Shenzhen Electronics Co."),
    ("成都電子", "Chengdu Electronics Co."),
    ("北京数剧", "Beijing Data Co."),
    ("上海通讯", "Shanghai Telecom Co."),
    ("shenzen dianzi", "Shenzhen Electronics Co."),
    ("hangzhou yun", "Hangzhou Cloud Co."),
    ("guangzou tongxin", "Guangzhou Telecom Co."),
    ("wuhan zhineng", "Wuhan Smart Tech Co."),
    ("xian xinnengyuan", "Xi'an New Energy Co."),
]


def test_there_are_thirty_in_three_scripts():
    assert len(MISSPELLINGS) == 30
    assert len({e for _, e in MISSPELLINGS}) >= 20


@pytest.fixture(scope="module")
def finder(tmp_path_factory):
    base = tmp_path_factory.mktemp("misspellings")
    venue = load_venue("karachi")
    rows = sample_rows(venue, len(COMPANIES))
    for row, (en, ur, zh, sector) in zip(rows, COMPANIES):
        row.update(name=en, name_ur=ur, name_zh=zh, category=sector)
    path = base / "exhibitors.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    import_exhibitors(path, venue, base / "exhibitors")
    return Wayfinder.open("karachi", exhibitors_dir=base / "exhibitors")


@pytest.mark.parametrize("typed,meant", MISSPELLINGS)
def test_a_misspelling_finds_the_company_meant(finder, typed, meant):
    exhibitors = [r for r in finder.index.search(typed) if r.kind == "exhibitor"]
    titles = [r.title("en") for r in exhibitors]
    assert meant in titles, (typed, titles[:5])
    # Only namesakes may come first ("chenb": Chenab Payments, never Chengdu Electronics).
    first_word = meant.split()[0]
    ahead = titles[:titles.index(meant)]
    assert all(t.split()[0] == first_word for t in ahead), (typed, titles[:5])
