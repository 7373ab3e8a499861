"""Name clustering (checker.names.cluster)."""

from __future__ import annotations

import json
import subprocess
import sys

from checker.names.cluster import cluster_mentions


def _recs(rows, set_name="t"):
    return [
        {"mention_index": i, "set": set_name, "mention": m, "lang": lang, "type": typ}
        for i, (m, lang, typ) in enumerate(rows)
    ]


ROWS = [
    # Lech Kaczyński
    ("Lech Kaczyński", "pl", "PER"),  # 0
    ("Lecha Kaczyńskiego", "pl", "PER"),  # 1
    ("Лех Качинський", "uk", "PER"),  # 2
    ("Леха Качиньского", "ru", "PER"),  # 3
    ("Lech Kaczynski", "en", "PER"),  # 4
    # Jarosław Kaczyński: same surname, must stay apart
    ("Jarosław Kaczyński", "pl", "PER"),  # 5
    ("Jarosława Kaczyńskiego", "pl", "PER"),  # 6
    ("Ярослав Качиньский", "ru", "PER"),  # 7
    ("Jaroslav Kaczyński", "cs", "PER"),  # 8
    # Zelensky and his wife
    ("Wołodymyr Zełenski", "pl", "PER"),  # 9
    ("Zełenskiego", "pl", "PER"),  # 10
    ("Володимир Зеленський", "uk", "PER"),  # 11
    ("Volodymyr Zelensky", "en", "PER"),  # 12
    ("Volodymyrem Zelenským", "cs", "PER"),  # 13
    ("Olena Zelenska", "en", "PER"),  # 14
    ("Oleny Zełenskiej", "pl", "PER"),  # 15
    # Scholz / Schulz
    ("Olaf Scholz", "de", "PER"),  # 16
    ("Martin Schulz", "de", "PER"),  # 17
    ("Olafa Scholza", "pl", "PER"),  # 18
    # near-identical names of two politicians
    ("Adam Biela", "pl", "PER"),  # 19
    ("Adam Bielan", "pl", "PER"),  # 20
    ("Адам Белян", "ru", "PER"),  # 21
    # Kyiv the place is not a person
    ("Kijów", "pl", "LOC"),  # 22
    ("Kijowie", "pl", "LOC"),  # 23
    ("Putin", "en", "PER"),  # 24
    ("Putina", "pl", "PER"),  # 25
    ("Путиным", "ru", "PER"),  # 26
    ("Pushkin", "en", "PER"),  # 27
]


def test_variants_meet_and_people_stay_apart():
    c = cluster_mentions(_recs(ROWS), table=False)
    assert c[0] == c[1] == c[2] == c[3] == c[4]
    assert c[5] == c[6] == c[7] == c[8]
    assert c[0] != c[5]
    assert c[9] == c[10] == c[11] == c[12] == c[13]
    assert c[14] == c[15]
    assert c[14] != c[9]
    assert c[16] == c[18] and c[16] != c[17]
    assert c[20] == c[21] and c[19] != c[20]
    assert c[22] == c[23]
    assert c[24] == c[25] == c[26] and c[27] != c[24]


def test_surname_alone_joins_only_an_unambiguous_full_name():
    rows = [
        ("Lech Kaczyński", "pl", "PER"),
        ("Jarosław Kaczyński", "pl", "PER"),
        ("Kaczyński", "pl", "PER"),  # ambiguous: two people of similar weight
        ("Olaf Scholz", "de", "PER"),
        ("Scholza", "pl", "PER"),  # unambiguous
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[2] != c[0] and c[2] != c[1]
    assert c[4] == c[3]


def test_types_and_sets_are_respected():
    rows = _recs([("Jordan", "en", "LOC"), ("Jordan", "en", "PER")])
    c = cluster_mentions(rows, table=False)
    assert c[0] != c[1]
    a = _recs([("Putin", "en", "PER")], "a") + _recs([("Putin", "en", "PER")], "b")
    c = cluster_mentions(a, table=False)
    assert len(c) == 2 and c[0] != c[1]


def test_module_entry_point(tmp_path):
    p = tmp_path / "m.jsonl"
    recs = _recs(ROWS[:5])
    p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "checker.names.cluster", str(p)], capture_output=True, check=True)
    rows = json.loads(out.stdout)["clusters"]
    assert [r["mention_index"] for r in rows] == list(range(5))
    assert len({r["cluster"] for r in rows}) == 1


def test_one_written_name_in_two_languages_is_one_name():
    """Нафтогаз is read "Naftohaz" as Ukrainian and "Naftogaz" as Russian: the same written name still joins
    the two spellings that each reading meets, and the type still keeps things apart."""
    rows = [
        ("Naftohaz", "cs", "ORG"),  # 0: Ukrainian reading, in Czech copy
        ("Нафтогаз", "uk", "ORG"),  # 1
        ("Нафтогаз", "ru", "ORG"),  # 2
        ("Naftogaz", "pl", "ORG"),  # 3: Russian reading
        ("Washington", "en", "LOC"),  # 4
        ("Washington", "de", "PER"),  # 5: a person of that name is not the city
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] == c[3]
    assert c[4] != c[5]


def test_a_latin_name_with_and_without_its_diacritics_is_one_name():
    """English wire copy drops the marks that Serbian and Croatian copy keep; the keys keep č apart from c
    (so that č meets Cyrillic ч), so the plain spelling must meet the marked one another way."""
    rows = [
        ("Novak Djokovic", "en", "PER"),  # 0
        ("Novak Đoković", "hr", "PER"),  # 1
        ("Новак Ђоковић", "sr", "PER"),  # 2
        ("Slobodan Milosevic", "en", "PER"),  # 3
        ("Slobodan Milošević", "sr", "PER"),  # 4
        ("Luka Modric", "en", "PER"),  # 5
        ("Luka Modrić", "hr", "PER"),  # 6
        ("Luka Modrin", "en", "PER"),  # 7: another letter, another name
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2]
    assert c[3] == c[4]
    assert c[5] == c[6] != c[7]


def test_a_neuter_place_name_meets_its_cases():
    """Czech Německo, Německa, Německu, Německem are one country; before the neuter endings were data, the
    cases met each other (at "Německ") but not the nominative."""
    rows = [
        ("Německo", "cs", "LOC"),
        ("Německa", "cs", "LOC"),
        ("Německu", "cs", "LOC"),
        ("Německem", "cs", "LOC"),
        ("Nemecko", "sk", "LOC"),
        ("Nemecka", "sk", "LOC"),
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] == c[3]
    assert c[4] == c[5]


def test_a_plural_place_name_meets_its_cases():
    """Spojené státy / Spojených států, Stany Zjednoczone / Stanów Zjednoczonych, Соединенные Штаты /
    Соединенных Штатов: both words of a plural name take case endings."""
    rows = [
        ("Spojené státy", "cs", "LOC"),
        ("Spojených států", "cs", "LOC"),
        ("Spojeným státům", "cs", "LOC"),
        ("Stany Zjednoczone", "pl", "LOC"),
        ("Stanów Zjednoczonych", "pl", "LOC"),
        ("Stanami Zjednoczonymi", "pl", "LOC"),
        ("Соединенные Штаты", "ru", "LOC"),
        ("Соединенных Штатов", "ru", "LOC"),
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2]
    assert c[3] == c[4] == c[5]
    assert c[6] == c[7]


def test_a_surname_shared_by_two_people_joins_the_one_whose_form_it_has():
    """Czech Clintonová is a woman's form: of Bill and Hillary Clinton, only Hillary's full names write it.
    A group of surnames whose forms point at both people (Clintonová, Clintona) joins neither: it would
    chain the two people together."""
    rows = [
        ("Hillary Clintonová", "cs", "PER"),  # 0
        ("Hillary Clintonovou", "cs", "PER"),  # 1
        ("Bill Clinton", "cs", "PER"),  # 2
        ("Billa Clintona", "cs", "PER"),  # 3
        ("Clintonová", "cs", "PER"),  # 4
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[4]
    assert c[2] == c[3] != c[0]
    c = cluster_mentions(_recs(rows + [("Clintona", "cs", "PER")]), table=False)
    assert c[0] != c[2]


def test_a_person_romanised_with_other_vowels_is_one_person_a_place_is_not():
    """Saiful Malook's name comes from Urdu, which leaves short vowels out: Polish copy writes Malook,
    Czech Mulúk, Slovene Mulook. Two places whose names differ in a vowel are two places."""
    rows = [
        ("Saif ul-Malook", "pl", "PER"),  # 0
        ("Saif ul Mulúk", "cs", "PER"),  # 1
        ("Saif ul Mulook", "sl", "PER"),  # 2
        ("Slovinska", "cs", "LOC"),  # 3: Slovenia
        ("Slovenska", "sk", "LOC"),  # 4: Slovakia
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2]
    assert c[3] != c[4]


def test_names_in_two_scripts_outside_the_alphabets_meet_as_two_scripts():
    """Hebrew and Arabic are two scripts, not one "other" script: their keys were compared letter for
    letter (vrni against birni) instead of on the consonant skeleton that joins transcriptions, and a
    Hebrew or Georgian Bernie Sanders stayed out of the cluster that the Arabic one had joined."""
    rows = [
        ("Bernie Sanders", "en", "PER"),  # 0
        ("Берні Сандерс", "uk", "PER"),  # 1
        ("برنی ساندرز", "fa", "PER"),  # 2
        ("بيرني ساندرز", "ar", "PER"),  # 3
        ("ברני סנדרס", "he", "PER"),  # 4
        ("ბერნი სენდერს", "ka", "PER"),  # 5
        ("Bernie Madoff", "en", "PER"),  # 6
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] == c[3] == c[4] == c[5]
    assert c[6] != c[0]


def test_a_name_meets_its_chinese_japanese_and_korean_transcriptions():
    """桑德斯 (sang-de-si), サンダース (sa-n-da-a-su) and 샌더스 (saen-deo-seu) spell Sanders with the
    syllables of their languages, without its r; a short surname skeleton alone joins nobody (John Tower
    is not 존 에드워즈, John Edwards), and pinyin x is s, not ks (Hubert Costa is not 貝婭塔·席多)."""
    rows = [
        ("Bernie Sanders", "en", "PER"),  # 0
        ("伯尼·桑德斯", "zh", "PER"),  # 1
        ("バーニー・サンダース", "ja", "PER"),  # 2
        ("버니 샌더스", "ko", "PER"),  # 3
        ("John Tower", "en", "PER"),  # 4
        ("존 에드워즈", "ko", "PER"),  # 5
        ("Hubert Costa", "pl", "PER"),  # 6
        ("貝婭塔·席多", "zh", "PER"),  # 7
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] == c[3]
    assert c[4] != c[5]
    assert c[6] != c[7]


def test_ukrainian_h_for_g_meets_a_hebrew_g():
    """Ukrainian and Belarusian write г as h (Геремек = heremek), and the consonant skeleton drops h: the
    Hebrew גרמק (g-r-m-k) met the Polish and Russian Geremek but not the Ukrainian one, and the cluster's
    average kept it out."""
    rows = [
        ("Bronisław Geremek", "pl", "PER"),  # 0
        ("Бронислав Геремек", "ru", "PER"),  # 1
        ("Броніслав Геремек", "uk", "PER"),  # 2
        ("Браніслаў Герэмек", "be", "PER"),  # 3
        ("ברוניסלב גרמק", "he", "PER"),  # 4
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] == c[3] == c[4]


def test_an_acronym_meets_a_table_form_letter_for_letter():
    """A key folds doubled letters and drops dots: the Spanish EE.UU. (the United States) keyed as EU,
    and through the table the European Union's EU joined the United States (the corpus types the Union
    as a place where it is one, as in "in the EU")."""
    rows = [
        ("EU", "hr", "LOC"),  # 0
        ("Europske unije", "hr", "LOC"),  # 1
        ("Europska unija", "hr", "LOC"),  # 2
        ("Amerika", "cs", "LOC"),  # 3
        ("Spojené státy", "cs", "LOC"),  # 4
    ]
    table = [("org:eu", "ORG", [("en", "EU"), ("en", "European Union"), ("hr", "Europska unija")]),
             ("Q30", "LOC", [("en", "United States"), ("es", "EE.UU."), ("cs", "Spojené státy"),
                             ("en", "America"), ("cs", "Amerika")])]
    c = cluster_mentions(_recs(rows), table=table)
    assert c[0] == c[2] and c[3] == c[4]
    assert c[0] != c[3]


def test_an_inflected_form_takes_the_base_its_own_language_writes():
    """Czech Německa may be Německo (neuter -a) or "Němek" (masculine -a); Czech copy writes Německo, and
    the Polish Niemiec only happens to key as nemek: the same language's form wins."""
    rows = [
        ("Německo", "cs", "LOC"),  # 0
        ("Německa", "cs", "LOC"),  # 1
        ("Německu", "cs", "LOC"),  # 2
        ("Niemiec", "pl", "LOC"),  # 3
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2]


KOMOROWSKI = [
    ("Bronisław Komorowski", "pl", "PER"), ("Bronislav Komorovski", "az", "PER"),
    ("Broņislavs Komorovskis", "lv", "PER"), ("Μπρονίσλαφ Κομορόφσκι", "el", "PER"),
    ("Бронислав Коморовски", "bg", "PER"), ("Броніслав Коморовський", "uk", "PER"),
    ("Коморовский, Бронислав", "os", "PER"), ("Բրոնիսլավ Կոմորովսկի", "hy", "PER"),
    ("ברוניסלב קומורובסקי", "he", "PER"), ("برونيسواف كوموروفسكي", "ar", "PER"),
    ("برونیسلاو کوموروفسکی", "fa", "PER"), ("ब्रॉनिस्वाफ कोमोरॉफ्स्की", "mr", "PER"),
    ("บรอญิสวัฟ กอมอรอฟสกี", "th", "PER"), ("ბრონისლავ კომოროვსკი", "ka", "PER"),
    ("ブロニスワフ・コモロフスキ", "ja", "PER"), ("布羅尼斯瓦夫·科莫羅夫斯基", "zh", "PER"),
    ("브로니스와프 코모로프스키", "ko", "PER"),
]


def test_a_transcription_joins_a_cluster_that_half_its_forms_link_to():
    """The Korean and Chinese Komorowski meet the Latin, Cyrillic and Greek forms, but not every Hebrew,
    Arabic or Thai one (each script loses other letters), and the average of all those pairs kept them out;
    a link is also accepted when at least half the pairs link on their own. Two people stay apart."""
    rows = KOMOROWSKI + [("Jarosław Kaczyński", "pl", "PER"), ("ヤロスワフ・カチンスキ", "ja", "PER")]
    c = cluster_mentions(_recs(rows), table=False)
    n = len(KOMOROWSKI)
    assert len(set(c[:n])) == 1
    assert c[n] == c[n + 1] != c[0]


def test_native_chinese_names_keep_pinyin_r():
    """Pinyin r transcribes the zh of foreign names (耶日 = Jerzy), but read so it made the Taiwanese
    legislator 吳育仁 (Wu Yu-ren) a Wu Yu-zhen, who met 吳育昇 (Wu Yu-sheng) letter for letter but one."""
    rows = [("吳育仁", "zh", "PER"), ("吳育昇", "zh", "PER"), ("吳宜臻", "zh", "PER"), ("Wu Yu-jen", "en", "PER")]
    c = cluster_mentions(_recs(rows), table=False)
    assert len({c[0], c[1], c[2]}) == 3


def test_places_that_point_different_ways_stay_apart():
    """Severní Karolína and Південна Кароліна are alike but for the compass point; so are Western and
    Eastern Europe in Slovene copy. The compass words of each language are data (directions.tsv)."""
    west = [("Западна Европа", "bg"), ("západní Evropy", "cs"), ("Europy Zachodniej", "pl"),
            ("Западную Европу", "ru"), ("Zahodno Evropo", "sl"), ("zahodne Evrope", "sl"),
            ("Західна Європа", "uk"), ("Західній Європі", "uk")]
    east = [("Източна Европа", "bg"), ("východní Evropy", "cs"), ("východní Evropě", "cs"),
            ("Europy Wschodniej", "pl"), ("Восточной Европы", "ru"), ("Vzhodne Evrope", "sl"),
            ("Vzhodni Evropi", "sl"), ("Vzhodno Evropo", "sl"), ("Східної Європи", "uk")]
    carolinas = [("Severní Karolíny", "cs"), ("Južnoj Karolini", "hr"), ("Karoliny Południowej", "pl"),
                 ("Південної Кароліни", "uk"), ("Південній Кароліні", "uk")]
    rows = [(m, lang, "LOC") for m, lang in west + east + carolinas]
    c = cluster_mentions(_recs(rows), table=False)
    w, e = len(west), len(west) + len(east)
    assert not set(c[:w]) & set(c[w:e])
    assert c[e] not in c[e + 1:]


def test_one_language_may_write_a_romanised_name_with_other_vowels():
    """Bulgarian copy wrote both Тасир and Тасеер for Salman Taseer (Urdu leaves the vowel out); two forms
    of one language join only as inflections of each other, or now as one name with other vowels. Adam
    Biela and Adam Bielan, a letter apart, stay two people."""
    rows = [
        ("Салман Тасир", "bg", "PER"),  # 0
        ("Салман Тасеер", "bg", "PER"),  # 1
        ("Salman Taseer", "pl", "PER"),  # 2
        ("Salmán Tásír", "cs", "PER"),  # 3
        ("Adam Biela", "pl", "PER"),  # 4
        ("Adam Bielan", "pl", "PER"),  # 5
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] == c[3]
    assert c[4] != c[5]


def test_an_acronym_joins_the_one_name_of_its_language_with_its_initials():
    """TLP is Tehreek-e-Labbaik Pakistan, Czech EK the Evropská komise; DW is not Die Welt (an opening
    article has no letter in an acronym), and an acronym two names could stand for joins neither."""
    rows = [
        ("Tehreek-e-Labbaik Pakistan", "pl", "ORG"),  # 0
        ("TLP", "pl", "ORG"),  # 1
        ("Evropská komise", "cs", "ORG"),  # 2
        ("EK", "cs", "ORG"),  # 3
        ("Die Welt", "pl", "PRO"),  # 4
        ("DW", "pl", "PRO"),  # 5
        ("Evropská komise", "sk", "ORG"),  # 6
        ("Európska komisia", "sk", "ORG"),  # 7: EK in Slovak could be either: no join
        ("Energetická komora", "sk", "ORG"),  # 8
        ("EK", "sk", "ORG"),  # 9
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] and c[2] == c[3]
    assert c[4] != c[5]
    assert c[9] not in (c[7], c[8])


def test_an_acronym_may_keep_a_small_letter_for_a_connector():
    """UOKiK is the Urząd Ochrony Konkurencji i Konsumentów; PiS is Prawo i Sprawiedliwość."""
    rows = [
        ("Urząd Ochrony Konkurencji i Konsumentów", "pl", "ORG"),  # 0
        ("UOKiK", "pl", "ORG"),  # 1
        ("Prawo i Sprawiedliwość", "pl", "ORG"),  # 2
        ("PiS", "pl", "ORG"),  # 3
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] and c[2] == c[3] and c[0] != c[2]


def test_an_organisation_with_and_without_its_place_is_one():
    """Верховный суд and Верховный суд Пакистана are one court, Нафтогаз and Нафтогаз Украины one company;
    a branch joined by a hyphen (Интерфакс-Украина) and a name with another word (Nord Stream 2 AG) are not."""
    rows = [
        ("Пакистан", "ru", "LOC"),  # 0
        ("Украина", "ru", "LOC"),  # 1
        ("Верховного суда", "ru", "ORG"),  # 2
        ("Верховного суда Пакистана", "ru", "ORG"),  # 3
        ("Нафтогаз", "ru", "ORG"),  # 4
        ("Нафтогаз Украины", "ru", "ORG"),  # 5
        ("Интерфакс", "ru", "ORG"),  # 6
        ("Интерфакс-Украина", "ru", "ORG"),  # 7
        ("Nord Stream 2", "ru", "ORG"),  # 8
        ("Nord Stream 2 AG", "ru", "ORG"),  # 9
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[2] == c[3] and c[4] == c[5]
    assert c[6] != c[7] and c[8] != c[9]


def test_a_country_acronym_joins_its_name():
    """Croatian SAD is Sjedinjene Američke Države, Slovene ZDA Združene države Amerike."""
    rows = [
        ("Sjedinjene Američke Države", "hr", "LOC"),  # 0
        ("SAD", "hr", "LOC"),  # 1
        ("Združene države Amerike", "sl", "LOC"),  # 2
        ("ZDA", "sl", "LOC"),  # 3
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] and c[2] == c[3]


def test_a_word_for_the_people_of_a_place_joins_the_place():
    """The corpus files Pakistanka, Pakistańczyków and пакистанец under Pakistan (a demonym typed as a
    place); Ukrajinci under Ukrajina. A place name that has a demonym ending itself (Slovene Slovenci) is no
    place to join: Czech Slovenska (Slovakia) did join it, and through it Slovenia."""
    rows = [
        ("Pakistan", "pl", "LOC"),  # 0
        ("Pakistanka", "pl", "LOC"),  # 1
        ("Pakistańczyków", "pl", "LOC"),  # 2
        ("пакистанец", "ru", "LOC"),  # 3
        ("Ukrajina", "cs", "LOC"),  # 4
        ("Ukrajinci", "cs", "LOC"),  # 5
        ("Slovensko", "cs", "LOC"),  # 6
        ("Slovenska", "cs", "LOC"),  # 7
        ("Slovenci", "sl", "LOC"),  # 8
        ("Slovenija", "sl", "LOC"),  # 9
        ("Sloveniji", "sl", "LOC"),  # 10
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] == c[3]
    assert c[4] == c[5]
    assert c[6] != c[9] and c[7] != c[8]


def test_a_latin_label_meets_the_person_by_the_initial_of_its_given_name():
    """Latin Wikipedia latinises given names (Ioannes McCain, Georgius Allen): compared as its initial, the
    given name lets the surname decide; Ioannes Kerry is not John McCain."""
    rows = [
        ("John McCain", "en", "PER"),  # 0
        ("Джон Маккейн", "ru", "PER"),  # 1
        ("Ioannes McCain", "la", "PER"),  # 2
        ("John Kerry", "en", "PER"),  # 3
        ("Ioannes Kerry", "la", "PER"),  # 4
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] and c[3] == c[4] and c[0] != c[3]


def test_a_latin_given_name_may_still_meet_by_its_letters():
    """Latin Hadriana Kosor is Jadranka Kosor: the initials differ (h, j), the letters meet."""
    rows = [("Jadranka Kosor", "hr", "PER"), ("Ядранка Косор", "bg", "PER"), ("Hadriana Kosor", "la", "PER")]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2]


def test_a_given_name_and_its_short_form_meet_beside_the_surname():
    """Joe is Joseph, Ted is Edward (nicknames.tsv); Jill Biden is not Joe Biden."""
    rows = [
        ("Joe Biden", "en", "PER"),  # 0
        ("Joseph Biden", "sk", "PER"),  # 1
        ("Ted Kennedy", "en", "PER"),  # 2
        ("Edward Kennedy", "ca", "PER"),  # 3
        ("Jill Biden", "en", "PER"),  # 4
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] and c[2] == c[3] and c[4] != c[0]


def test_a_short_form_in_another_script_meets_the_full_given_name():
    """Джо (Russian copy) leaves out the silent e of Joe: it still meets Joseph beside Байден, and Джозеф meets
    Joe; Jill Biden stays apart."""
    rows = [
        ("Джо Байден", "ru", "PER"),  # 0
        ("Joseph Biden", "sk", "PER"),  # 1
        ("Джозеф Байден", "tt", "PER"),  # 2
        ("Joe Biden", "en", "PER"),  # 3
        ("Джилл Байден", "ru", "PER"),  # 4
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] == c[3] != c[4]


def test_croatian_and_slovene_plural_place_names_meet_their_cases():
    """Sjedinjenim Američkim Državama (Croatian dative plural) and Združenimi državami Amerike (Slovene
    instrumental) are the cases of Sjedinjene Američke Države and Združene države Amerike: the plural
    adjective (-ih, -im, -imi) and feminine noun (-ama, -ami) endings lead back to the nominative."""
    rows = [
        ("Sjedinjene Američke Države", "hr", "LOC"),  # 0
        ("Sjedinjenim Američkim Državama", "hr", "LOC"),  # 1
        ("Združene države Amerike", "sl", "LOC"),  # 2
        ("Združenimi državami Amerike", "sl", "LOC"),  # 3
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] and c[2] == c[3]


def test_a_place_named_by_its_short_name_and_another_of_its_names_joins_it():
    """Stanów Zjednoczonych Ameryki is Stanów Zjednoczonych followed by Ameryki, and both are in one cluster (the
    table's United States): the long name joins it, though Ameryki alone could not tell it from Ameryki
    Północnej. A head followed by the name of a place of another cluster (Stanów Zjednoczonych Europy) does
    not."""
    rows = [
        ("Stany Zjednoczone", "pl", "LOC"),  # 0
        ("Stanów Zjednoczonych", "pl", "LOC"),  # 1
        ("Ameryka", "pl", "LOC"),  # 2
        ("Ameryki", "pl", "LOC"),  # 3
        ("Stanów Zjednoczonych Ameryki", "pl", "LOC"),  # 4
        ("Ameryki Północnej", "pl", "LOC"),  # 5
        ("Europa", "pl", "LOC"),  # 6
        ("Stanów Zjednoczonych Europy", "pl", "LOC"),  # 7
        ("USA", "pl", "LOC"),  # 8
    ]
    c = cluster_mentions(_recs(rows))
    assert c[0] == c[1] == c[8], "the table's Polish forms of the United States"
    if c[2] == c[0]:  # Ameryka is the United States here, as news copy uses it
        assert c[4] == c[0]
    assert c[4] != c[5] and c[7] != c[0]


def test_a_czech_or_slovene_demonym_with_a_palatalised_stem_joins_its_place():
    """Američané, Američani (k → č before -an) join Amerika; Afričané joins Afrika. Croatian Amerikanci keeps
    its k: -anci is the plural of -anac (Amerikanac)."""
    rows = [
        ("Amerika", "cs", "LOC"),  # 0
        ("Američané", "cs", "LOC"),  # 1
        ("Amerika", "sl", "LOC"),  # 2
        ("Američani", "sl", "LOC"),  # 3
        ("Afrika", "cs", "LOC"),  # 4
        ("Afričané", "cs", "LOC"),  # 5
        ("Amerika", "hr", "LOC"),  # 6
        ("Amerikanci", "hr", "LOC"),  # 7
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] and c[2] == c[3] and c[4] == c[5] and c[6] == c[7]
    assert c[0] != c[4]


def test_a_demonym_meets_a_place_whose_key_reads_its_last_vowel_with_the_letter_before():
    """Polish Rosja keys as rosa (sj before a vowel is one sound), its demonym's stem Rosj- as rosi: the place
    less its final vowel is keyed as written too, so Rosjanie and Rosjan join Rosja."""
    rows = [
        ("Rosja", "pl", "LOC"),  # 0
        ("Rosjanie", "pl", "LOC"),  # 1
        ("Rosjan", "pl", "LOC"),  # 2
        ("Rumunia", "pl", "LOC"),  # 3
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2] != c[3]


def test_a_generational_suffix_is_one_word_in_every_script_and_no_surname():
    """"Bob Casey, Jr." is not "Jr Bob Casey" (a surname first): Jr., молодший and جونیور are one word, so the
    forms of the son meet; "Georgi Pirinski, Jr." joins the one cluster of the name written without it; Donald
    Jr. stays apart from Donald Trump."""
    rows = [
        ("Bob Casey, Jr.", "en", "PER"),  # 0
        ("Боб Кейсі-молодший", "uk", "PER"),  # 1
        ("باب کیسی جونیور", "fa", "PER"),  # 2
        ("Georgi Pirinski, Jr.", "en", "PER"),  # 3
        ("Георги Пирински", "bg", "PER"),  # 4
        ("Georgi Pirinski", "de", "PER"),  # 5
        ("Donald Trump", "sl", "PER"),  # 6
        ("Donald Jr.", "sl", "PER"),  # 7
    ]
    c = cluster_mentions(_recs(rows), table=False)
    assert c[0] == c[1] == c[2]
    assert c[3] == c[4] == c[5]
    assert c[6] != c[7]


def test_a_name_meets_the_table_through_the_base_forms_of_its_words():
    """Each word of a mention may be inflected (a Croatian dative plural, a Bulgarian article): the table is
    searched for every combination of the words' base forms, so that the name meets its table entity."""
    pairs = [
        [("Sjedinjenim Američkim Državama", "hr", "LOC"), ("Stany Zjednoczone", "pl", "LOC")],
        [("Европейския съюз", "bg", "ORG"), ("Unia Europejska", "pl", "ORG")],
        [("Združenimi državami Amerike", "sl", "LOC"), ("United States", "en", "LOC")],
        [("Ameryce", "pl", "LOC"), ("Spojené státy", "cs", "LOC")],
    ]
    for rows in pairs:
        c = cluster_mentions(_recs(rows))
        assert c[0] == c[1], rows
    assert len(set(cluster_mentions(_recs([("Sjedinjenim Američkim Državama", "hr", "LOC"),
                                           ("Combined Forces", "en", "LOC")])))) == 2


def test_a_cluster_joined_across_languages_takes_a_variant_of_one_of_its_languages():
    """The table joins a country's long name in three languages into one cluster, whose forms are far apart
    on average; a Croatian case of the Croatian form (genitive plural, which no table form keys as) is
    measured against the Croatian form, not against the Russian and Ukrainian ones (BSNLP 2021, the Trump
    set; its Slovene genitive plural meets no table form and stands apart either way)."""
    rows = [
        ("Sjedinjene Američke Države", "hr", "LOC"),
        ("Sjedinjenih Američkih Država", "hr", "LOC"),
        ("Соединённых Штатов Америки", "ru", "LOC"),
        ("Združenih držav Amerike", "sl", "LOC"),
        ("Сполучених Штатах Америки", "uk", "LOC"),
    ]
    c = cluster_mentions(_recs(rows))
    assert c[0] == c[1] == c[2] == c[4]
