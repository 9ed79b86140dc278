"""A plausible, invented exhibitor list for a venue (the demo event, tests and benchmarks).

The companies are made up from Pakistani place names and trade words so that the demo never
suggests that a real firm exhibits.
"""

from __future__ import annotations

import csv
import random
from pathlib import Path

from kiosk.wayfinding.venue import Venue

PLACES = [("Indus", "انڈس"), ("Ravi", "راوی"), ("Margalla", "مارگلہ"), ("Chenab", "چناب"),
          ("Karakoram", "قراقرم"), ("Hunza", "ہنزہ"), ("Thar", "تھر"), ("Gwadar", "گوادر"),
          ("Clifton", "کلفٹن"), ("Shalimar", "شالیمار"), ("Jhelum", "جہلم"), ("Khyber", "خیبر"),
          ("Mehran", "مہران"), ("Bolan", "بولان"), ("Swat", "سوات"), ("Neelum", "نیلم"),
          ("Potohar", "پوٹھوہار"), ("Makran", "مکران"), ("Deosai", "دیوسائی"),
          ("Sialkot", "سیالکوٹ"), ("Kaghan", "کاغان"), ("Saddar", "صدر"), ("Kohsar", "کوہسار"),
          ("Mohenjo", "موہنجو"), ("Rohtas", "روہتاس")]
SECTOR_WORDS = {
    "software": [("Software", "سافٹ ویئر"), ("Code", "کوڈ"), ("Apps", "ایپس")],
    "telecom": [("Telecom", "ٹیلی کام"), ("Mobile", "موبائل"), ("Fibre", "فائبر")],
    "fintech": [("Fintech", "فن ٹیک"), ("Payments", "پیمنٹس"), ("Pay", "پے")],
    "e-commerce": [("Commerce", "کامرس"), ("Bazaar", "بازار"), ("Mart", "مارٹ")],
    "cloud": [("Cloud", "کلاؤڈ"), ("Hosting", "ہوسٹنگ")],
    "cybersecurity": [("Cyber", "سائبر"), ("Secure", "سیکیور")],
    "ai": [("AI", "اے آئی"), ("Data", "ڈیٹا"), ("Analytics", "اینالیٹکس")],
    "hardware": [("Devices", "ڈیوائسز"), ("Electronics", "الیکٹرانکس")],
    "iot": [("IoT", "آئی او ٹی"), ("Sensors", "سینسرز")],
    "edtech": [("Learning", "لرننگ"), ("Academy", "اکیڈمی")],
    "gaming": [("Games", "گیمز"), ("Studios", "اسٹوڈیوز")],
    "networking": [("Networks", "نیٹ ورکس"), ("Connect", "کنیکٹ")],
    "solar": [("Solar", "سولر"), ("Energy", "انرجی")],
    "startups": [("Ventures", "وینچرز"), ("Labs", "لیبز")],
}
ORG_WORDS = [("Systems", "سسٹمز"), ("Labs", "لیبز"), ("Solutions", "سلوشنز"),
             ("Technologies", "ٹیکنالوجیز"), ("Digital", "ڈیجیٹل"), ("International", "انٹرنیشنل")]
CHINESE = [("Shenzhen", "深圳"), ("Hangzhou", "杭州"), ("Beijing", "北京"), ("Shanghai", "上海"),
           ("Guangzhou", "广州"), ("Chengdu", "成都"), ("Wuhan", "武汉"), ("Xi'an", "西安")]
CHINESE_WORDS = {"hardware": ("Electronics", "电子"), "telecom": ("Telecom", "通信"),
                 "cloud": ("Cloud", "云计算"), "iot": ("Smart Tech", "智能科技"),
                 "solar": ("New Energy", "新能源"), "networking": ("Networks", "网络"),
                 "ai": ("Data", "数据"), "e-commerce": ("Trade", "贸易")}
DESCRIPTIONS = {
    "software": "Custom software, ERP and mobile apps for local and export markets",
    "telecom": "Mobile network equipment, fibre and 5G services",
    "fintech": "Digital payments, wallets and branchless banking",
    "e-commerce": "Online marketplaces, logistics and storefronts",
    "cloud": "Hosting, data centres and managed cloud services",
    "cybersecurity": "Security audits, SOC services and identity management",
    "ai": "Machine learning, analytics and Urdu language technology",
    "hardware": "Laptops, phones, components and accessories",
    "iot": "Sensors, smart meters and connected devices",
    "edtech": "Online learning platforms and training",
    "gaming": "Game studios, esports and interactive media",
    "networking": "Routers, switches and enterprise Wi-Fi",
    "solar": "Solar panels, inverters and energy storage",
    "startups": "Young companies from incubators across Pakistan",
}
WEIGHTS = {"software": 22, "telecom": 8, "fintech": 9, "e-commerce": 8, "cloud": 6,
           "cybersecurity": 6, "ai": 8, "hardware": 9, "iot": 5, "edtech": 5, "gaming": 4,
           "networking": 5, "solar": 4, "startups": 6}


def sample_rows(venue: Venue, count: int, seed: int = 2026) -> list[dict]:
    """`count` exhibitors on distinct booths of the venue (at most one per booth)."""
    rng = random.Random(seed)
    booths = sorted(venue.booths, key=lambda b: b.code)
    rng.shuffle(booths)
    if count > len(booths):
        raise ValueError(f"{venue.name()} has {len(booths)} booths, fewer than {count}")
    sectors = list(WEIGHTS)
    weights = [WEIGHTS[s] for s in sectors]
    used: set[str] = set()
    rows = []
    for booth in booths[:count]:
        for _attempt in range(200):
            sector = rng.choices(sectors, weights)[0]
            if sector in CHINESE_WORDS and rng.random() < 0.12:
                (city, city_zh), (word, word_zh) = rng.choice(CHINESE), CHINESE_WORDS[sector]
                name, ur, zh = f"{city} {word} Co.", "", f"{city_zh}{word_zh}有限公司"
            else:
                (place, place_ur) = rng.choice(PLACES)
                (word, word_ur) = rng.choice(SECTOR_WORDS[sector])
                (org, org_ur) = rng.choice(ORG_WORDS)
                name, ur, zh = f"{place} {word} {org}", f"{place_ur} {word_ur} {org_ur}", ""
            if name not in used:
                break
        else:
            name = f"{name} {len(rows) + 1}"
        used.add(name)
        hall, _, number = booth.code.partition("-")
        rows.append({"name": name, "booth": number, "hall": hall.lstrip("H"),
                     "category": sector, "description": DESCRIPTIONS[sector],
                     "name_ur": ur if rng.random() < 0.7 else "", "name_zh": zh})
    return rows


def write_sample_csv(path: Path, venue: Venue, count: int, seed: int = 2026) -> Path:
    rows = sample_rows(venue, count, seed)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=["name", "booth", "hall", "category",
                                                "description", "name_ur", "name_zh"])
        writer.writeheader()
        writer.writerows(rows)
    return path
