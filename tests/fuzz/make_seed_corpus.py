#!/usr/bin/env python3
"""Writes the seed corpus of the fuzz targets: tests/fuzz/corpus/<target>/.

Every seed is written here by hand, in the input format of its target (see
the header comment of tests/fuzz/<target>_fuzzer.cc): news text in English,
French, German, Russian, Vietnamese and CJK, and the edge cases each parser
must refuse (invalid UTF-8, byte-order marks, huge and overlong varints,
trailing bytes, empty input). Binary seeds are built from their parts, so
that what each one exercises stays readable. The files are committed; run
this again after changing it (stored_document seeds need protoc):

  tests/fuzz/make_seed_corpus.py

It rewrites the seeds it knows and leaves other files (e.g. crash
reproducers someone added) alone.
"""
import base64
import os
import struct
import subprocess
import sys

ROOT = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(ROOT))


def write(target, name, data):
    directory = os.path.join(ROOT, "corpus", target)
    os.makedirs(directory, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def varint(n):
    out = bytearray()
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)
    return bytes(out)


def string(s):
    if isinstance(s, str):
        s = s.encode("utf-8")
    return varint(len(s)) + s


# ---------------------------------------------------------------- text_decoder
# "<content type>\n<bytes>"
def text_decoder():
    t = "text_decoder"
    write(t, "en_plain", "text/plain\nVietnam and Russia issued a joint statement "
          "on international information security.\n")
    write(t, "fr_latin1", b"text/plain; charset=ISO-8859-1\n" +
          "La sécurité de l'information, été 2019.".encode("latin-1"))
    write(t, "de_windows1252", b"text/plain; charset=windows-1252\n" +
          "Die Bekämpfung der Cyberkriminalität – „Zitat“ €".encode("cp1252"))
    write(t, "ru_koi8r", b"text/plain;charset=KOI8-R\n" +
          "Международная информационная безопасность".encode("koi8-r"))
    write(t, "ru_windows1251_quoted", b'TEXT/PLAIN; Charset="windows-1251"\n' +
          "Москва (ТАСС) – Россия".encode("cp1251"))
    write(t, "vi_utf8_bom_crlf", b"\n\xEF\xBB\xBF" +
          "Hợp tác an ninh mạng\r\nĐà Nẵng (TTXVN) – Việt Nam\rvà Nga".encode())
    write(t, "zh_utf16le_bom", b"\n\xFF\xFE" + "网络安全合作\n信息安全".encode("utf-16-le"))
    write(t, "ru_utf16be_declared", b"text/plain; charset=UTF-16BE\n" +
          "Привет, мир".encode("utf-16-be"))
    write(t, "ja_shift_jis", b"text/plain; charset=Shift_JIS\n" +
          "情報セキュリティの国際協力".encode("shift_jis"))
    write(t, "ko_euc_kr", b"text/plain; charset=EUC-KR\n" + "정보 보안 협력".encode("euc-kr"))
    write(t, "zh_gb18030", b"text/plain; charset=GB18030\n" + "网络安全 𠀀".encode("gb18030"))
    write(t, "nfd_vietnamese", "\nTra\u0302n \u0110a\u0300 Na\u0306\u0303ng")
    write(t, "line_separators", "\none\u2028two\u2029three\u0085four\x0cfive\x0bsix")
    write(t, "invalid_utf8", b"text/plain\nabc\xC3\x28 \xED\xA0\x80 \xF8\x88\x80\x80\x80")
    write(t, "overlong_utf8", b"\n\xC0\xAF\xE0\x80\xAF")
    write(t, "invalid_latin_in_utf8", "\nsécurité".encode("latin-1"))
    write(t, "nul_byte", b"\nabc\x00def")
    write(t, "bom_then_nul", b"\n\xEF\xBB\xBFab\x00")
    write(t, "double_bom", b"\n\xEF\xBB\xBF\xEF\xBB\xBFtext after two marks")
    write(t, "controls", b"\n" + b"\x01\x02\x03\x04" * 10 + b"text")
    write(t, "empty", b"")
    write(t, "empty_with_type", b"text/plain\n")
    write(t, "whitespace_only", "\n  \t\n\u00a0 \r\n")
    write(t, "unsupported_html", "text/html; charset=utf-8\n<p>Hello</p>")
    write(t, "unknown_charset", "text/plain; charset=x-no-such-charset\nabc")
    write(t, "bad_media_type", "text plain\nabc")
    write(t, "utf7", b"text/plain; charset=UTF-7\nHi Mom -+Jjo--!")
    write(t, "scsu", b"text/plain; charset=SCSU\n\x12\x9c\xbe\xc1\xba\xb2\xb0")
    write(t, "utf16_odd_length", b"text/plain; charset=UTF-16LE\na\x00b")
    write(t, "utf16_lone_surrogate", b"text/plain; charset=UTF-16LE\n\x00\xd8a\x00")


# ---------------------------------------------------------------- normalizer
# "<language hint>\n<title hint>\n<text>"
def normalizer():
    t = "normalizer"
    write(t, "en_agency_story", """\n\nVietnam, Russia boost cooperation in information security
November 28, 2019 | 11:12 am GMT+7

Da Nang (VNA) – Vietnam and Russia agreed to strengthen cooperation in ensuring
international information security andRussia will share its experience.

The meeting of the (ITC),creating a safeguardinginternational framework, was held in Da Nang.
Deputy Minister Nguyen Van A speaks at the meeting (Photo: VNA)

Both sides discussed the prevention of cybercrimes.-VNA

Source: https://en.vietnamplus.vn/vietnam-russia/1.vnp
Comments (0)
See more
Vietnam hosts ASEAN forum on cybersecurity
""")
    write(t, "fr_stamp_dateline", """fr\n\nLa France et le Vietnam renforcent leur coopération
jeudi 28 novembre 2019 à 11h12

Paris (AFP) – La coopération en matière de cybercriminalité progresse,selon le ministère.
Les deux pays ont signé un accord.

Source: https://www.lemonde.fr/international/article.html
3 commentaires
""")
    write(t, "de_signature", """de\n\nBerlin, 3. März (dpa) : Die Bekämpfung der Cyberkriminalität bleibt eine Aufgabe,
die Europa gemeinsam lösen müsse./.
28. November 2019, 11:12 Uhr
Foto: dpa
""")
    write(t, "ru_caption_case_join", """\n\nМеждународная информационная безопасность
28 ноября 2019, 11:12

Москва (ТАСС) – Россия и Вьетнам обсудили вопросы безопасностииРоссия предложила план.
Делегация на встрече. Фото: ТАСС
Источник: ТАСС
""")
    write(t, "vi_inline_image", """vi\nHợp tác an ninh mạng Việt Nam - Nga\nHợp tác an ninh mạng Việt Nam - Nga
Thứ Năm, 28/11/2019 11:12 (GMT+07:00)

Hà Nội (TTXVN) - Việt Nam và Nga tăng cường hợp tác hình ảnh 1Thứ trưởng phát biểu tại hội nghị (Ảnh: TTXVN)
Hai bên nhất trí đẩy mạnh hợp tác trong lĩnh vực an ninh thông tin. – TTXVN
Bình luận (0)
Xem thêm:
Tin liên quan
""")
    write(t, "zh_iso_stamp", "zh\n\n网络安全合作\n2019-11-28 11:12\n\n中国和越南在网络安全领域加强合作。双方签署了协议。\n")
    write(t, "ja_title_hint", "ja\n情報セキュリティ\n情報セキュリティ\n東京（共同）－日本とベトナムは協力を強化する。\n")
    write(t, "crlf_and_nfd", "\n\nTitle With CRLF Line Ends\r\n\r\nTra\u0302n said the\r\nsecurity talks went well.\r\n")
    write(t, "invalid_utf8", b"\n\nHeadline \xC3\x28 here\n\nBody text \xFF\xFE with bad bytes.\n")
    write(t, "empty", b"")
    write(t, "only_title", "\n\nOnly A Headline Here\n")
    write(t, "only_fragments", "\n\nComments (12)\nSource: VNA\n")
    write(t, "year_zero_stamp", "\n\nStamp at the edge of time\n0000-01-01 00:00 GMT+5\n\nThe body follows here.\n")
    write(t, "year_9999_stamp", "\n\n9999-12-31 23:59 GMT-12\n\nThe body follows here.\n")
    write(t, "soft_wraps", "\n\nA line that is wrapped\nin the middle of a sentence and self-\nproclaimed experts agree\nthat it continues here.\n")
    write(t, "glued_lowercase", "en\n\nThe ministry is safeguardinginternational security andcooperation in cyberspace.\n")
    write(t, "es_date", "es\n\nMadrid, 28 de noviembre de 2019 (EFE) - La cooperación en ciberseguridad avanza.\n")


# ----------------------------------------------------------------------- dates
# "<language>\n<anchor: a stamp, an ISO day, or empty>\n<text>"
def dates():
    t = "dates"
    write(t, "en_seed", "en\n\nPutin met Tran Dai Quang on November 10 in Da Nang. "
          "On Tuesday, March 5, officials met; talks ran May 24-25 and from "
          "December 30 to January 2. In 2018 and since 2015, 11/27/2019.\n")
    write(t, "en_relative", "en\nNovember 28, 2019 | 11:12 am GMT+7\nYesterday, last week "
          "and next month; three years ago; for more than two decades; every "
          "six months, twice a year; 90 days. Between January and August.\n")
    write(t, "fr_weekday", "fr\n2017-11-12\nLes présidents se sont vus vendredi "
          "10 novembre, du 13 au 15 juillet, le 1er mars, hier et "
          "l'an dernier, il y a trois ans, depuis dix ans, chaque année.\n"
          "jeudi 28 novembre 2019 à 11h12\n")
    write(t, "de_ranges", "de\n28. November 2019, 11:12 Uhr\nam 25. und 26. Oktober, "
          "im Dezember 2024, seit 20 Jahren, vom 3. bis 5. Mai, am 27.11.2019, "
          "2024 bis 2026, am Freitag, dem 10. November, gestern, alle zwei Jahre.\n")
    write(t, "es_days", "es\n\nel lunes 7 de octubre, del 3 al 5 de junio, los días "
          "25 y 26, en diciembre de 2024, desde 2010, hace dos años, cada año, "
          "el 12/10/2023, 28 de setiembre de 2019.\n")
    write(t, "ru_genitive", "ru\n28 ноября 2019, 11:12\nс 24 по 25 мая, 27 ноября 2019 "
          "года, в декабре 2024 года, в среду, 6 сентября, в 2020 году, "
          "2024–2025 годы, вчера, на прошлой неделе, 5 лет назад, ежегодно.\n")
    write(t, "vi_thang", "vi\nThứ Năm, 28/11/2019 11:12 (GMT+07:00)\nTừ ngày 24 đến 25/5, "
          "ngày 27 tháng 11 năm 2019, tháng Mười Một, Ngày 14-15/11, thứ Ba, "
          "ngày 22/11, năm 2023, hôm qua, trong 3 năm, hằng năm, tháng Chạp.\n")
    write(t, "edge_years", "en\n9999-12-31\ntomorrow, next year, next week, in 9999, "
          "December 31, 9999 to January 2, and 0001-01-01; 29 February; "
          "February 29, 2019; 2019-W53.\n")
    write(t, "year_one_anchor", "fr\n0001-01-01\nhier, la semaine dernière, "
          "l'an dernier, il y a 3 ans, le 31 décembre.\n")
    write(t, "iso_und", "zh\n2019-11-28\n会议于2019-11-27举行，2019-11-28T11:12结束。\n")
    write(t, "invalid_utf8", b"de\n\nam 3. M\xC3\xA4rz \xC3\x28 und am 4. \xFF Juni 2019\n")
    write(t, "stamp_lines", "vi\n\nngày 28 tháng 11 năm 2019 lúc 11:12\n"
          "Thứ 5, 28/11/2019 11:12 GMT+7\n28 нояб. 2019\nNov. 28, 2019 3:05:09 p.m. UTC\n"
          "0000-01-01 00:00\n9999-12-31 23:59 GMT-12\n01/01/0001 00:30 GMT+5\n")
    # Found by fuzz_dates: ranges across New Year with the year after the
    # end, and an anchor at the end of 9999.
    write(t, "new_year_ranges", "de\n9999-12-01\nvom 30. Dezember bis 2. Januar 2020, "
          "vom 30. Dezember bis 2. Januar, between August and January 2024, "
          "from May 2019 to January, from December 30 to January 2.\n")
    write(t, "empty", b"")


# ---------------------------------------------------------------- query_parser
# "<languages>\n<query>"
def query_parser():
    t = "query_parser"
    write(t, "en_readme", 'en,fr,de\n+Putin "information security" -ASEAN')
    write(t, "no_languages", "\ncyber security")
    write(t, "fr_guillemets", "fr\n«sécurité de l’information» +cybercriminalité l'Union")
    write(t, "de_phrase_excluded", 'de\n+Cyberkriminalität -"Bundesamt für Sicherheit"')
    write(t, "ru_words", "ru\nМеждународная +безопасность")
    write(t, "vi_diacritics", 'vi\n"Đà Nẵng" Trân')
    write(t, "cjk_quotes", "zh,ja\n网络安全 “信息 安全” 情報セキュリティ")
    write(t, "dash_alone", "en\nVietnam - Russia + Laos")
    write(t, "quote_ends_word", 'en\ncyber"crime" U.S.-Russia cyber-security')
    write(t, "double_operator", "en\n+-x")
    write(t, "unclosed_quote", 'en\nfoo "information security')
    write(t, "signed_punctuation", "en\nfoo +&")
    write(t, "empty_phrase", 'en\n"!!" foo')
    write(t, "only_excluded", "en\n-asean -laos")
    write(t, "empty", "")
    write(t, "spaces_only", "en\n   \u3000 ")
    write(t, "invalid_utf8", b"en\nfoo \xC3\x28 bar")
    write(t, "too_many_clauses", "en\n" + " ".join("w%d" % i for i in range(70)))
    write(t, "too_long", "en\n" + "a" * 1100)
    write(t, "apostrophes", "en,fr\nl’Union don't qu'il “L'Europe”")
    write(t, "low_quote", "de\n„Information“ +»Sicherheit«")


# ---------------------------------------------------------------- page_token
def page_token():
    t = "page_token"

    def token(snapshot, offset, fingerprint, version=1):
        raw = bytes([version]) + varint(snapshot) + varint(offset) + fingerprint
        return base64.urlsafe_b64encode(raw).rstrip(b"=")

    write(t, "first_page", token(12, 10, b"0123456789abcdef"))
    write(t, "large_values", token(0xFFFFFFFF, 2**64 - 1, b"fedcba9876543210"))
    write(t, "zero", token(0, 0, b"0000000000000000"))
    write(t, "padded", token(12, 10, b"0123456789abcdef") + b"==")
    write(t, "standard_alphabet", base64.b64encode(
        b"\x01\x0c\x0a" + b"\xfb\xff0123456789ab"))
    write(t, "overlong_varint", base64.urlsafe_b64encode(
        b"\x01\x8c\x00\x0a0123456789abcdef").rstrip(b"="))
    write(t, "wrong_version", token(1, 1, b"0123456789abcdef", version=2))
    write(t, "short_fingerprint", token(1, 1, b"0123"))
    write(t, "not_base64", b"this is not a token!")
    write(t, "empty", b"")
    write(t, "too_long", b"A" * 300)


# ---------------------------------------------------------------- posting_block
# "<first_doc LE32><limit LE32><flags><block>"
def block(first_doc, postings):
    """postings: [(doc, [positions])], first doc == first_doc."""
    out = varint(len(postings))
    previous = first_doc
    for doc, positions in postings:
        out += varint(doc - previous) + varint(len(positions))
        previous = doc
    for doc, positions in postings:
        last = 0
        for p in positions:
            out += varint(p - last)
            last = p
    return out


def posting_block():
    t = "posting_block"

    def seed(name, first_doc, limit, flags, data):
        write(t, name, struct.pack("<IIB", first_doc, limit, flags) + data)

    simple = block(5, [(5, [0, 3]), (9, [1]), (200, [7, 8, 300])])
    seed("simple_positions", 5, 0xFFFFFFFF, 1, simple)
    seed("simple_no_positions", 5, 0xFFFFFFFF, 0, simple)
    seed("limit_cuts", 5, 10, 1, simple)
    seed("limit_below_first", 5, 3, 1, simple)
    full = block(1000, [(1000 + 3 * i, [i, i + 1000]) for i in range(128)])
    seed("full_block", 1000, 0xFFFFFFFF, 1, full)
    seed("count_129", 0, 0xFFFFFFFF, 1, varint(129) + b"\x00\x01" * 129 + b"\x00" * 129)
    seed("count_zero", 0, 0xFFFFFFFF, 1, b"\x00")
    seed("empty", 0, 0xFFFFFFFF, 1, b"")
    seed("truncated_positions", 5, 0xFFFFFFFF, 1, simple[:-2])
    seed("trailing_bytes", 5, 0xFFFFFFFF, 1, simple + b"\x07\x07")
    seed("doc_overflow", 0xFFFFFFF0, 0xFFFFFFFF, 1,
         varint(2) + b"\x00\x01" + varint(0x20) + b"\x01" + b"\x00\x00")
    seed("position_overflow", 0, 0xFFFFFFFF, 1,
         varint(1) + b"\x00\x02" + varint(0xFFFFFFFF) + varint(2))
    seed("huge_varint", 0, 0xFFFFFFFF, 1, b"\xff" * 12)
    seed("first_delta_nonzero", 5, 0xFFFFFFFF, 1, varint(1) + b"\x04\x01\x00")
    seed("zero_delta_later", 5, 0xFFFFFFFF, 1, varint(2) + b"\x00\x01\x00\x01\x00\x00")
    seed("repeated_position", 5, 0xFFFFFFFF, 1, varint(1) + b"\x00\x02\x03\x00")
    seed("overlong_count", 5, 0xFFFFFFFF, 1, b"\x81\x00\x00\x01\x00")


# ---------------------------------------------------------------- varint
# ---------------------------------------------------------------- posting_value
# "<limit LE32><flags><value>"; a value is runs of
# varint first_doc, varint length, block.
def run(postings):
    b = block(postings[0][0], postings)
    return varint(postings[0][0]) + varint(len(b)) + b


def posting_value():
    t = "posting_value"

    def seed(name, limit, flags, data):
        write(t, name, struct.pack("<IB", limit, flags) + data)

    one = run([(5, [0, 3]), (9, [1])])
    two = run([(12, [4]), (70000, [2, 9])])
    seed("two_runs", 0xFFFFFFFF, 1, one + two)
    seed("two_runs_no_positions", 0xFFFFFFFF, 0, one + two)
    seed("limit_between_runs", 11, 1, one + two)
    seed("limit_inside_run", 8, 1, one + two)
    full = run([(100 + 2 * i, [i % 9]) for i in range(128)])
    seed("full_then_partial", 0xFFFFFFFF, 1, full + run([(400, [1, 2])]))
    seed("partial_then_full", 0xFFFFFFFF, 1,
         run([(1, [0])]) + full)
    seed("runs_out_of_order", 0xFFFFFFFF, 1, two + one)
    seed("run_repeated", 0xFFFFFFFF, 1, one + one)
    seed("length_past_end", 0xFFFFFFFF, 1, varint(5) + varint(200) + b"\x01\x00\x01\x00")
    seed("zero_length", 0xFFFFFFFF, 1, varint(5) + varint(0))
    seed("empty", 0xFFFFFFFF, 1, b"")


def varint_seeds():
    t = "varint"
    write(t, "zero", b"\x00")
    write(t, "one_byte_max", b"\x7f")
    write(t, "two_bytes", b"\x80\x01")
    write(t, "uint32_max", varint(2**32 - 1))
    write(t, "uint32_max_plus_one", varint(2**32))
    write(t, "uint64_max", varint(2**64 - 1))
    write(t, "ten_bytes_overflow", b"\xff" * 9 + b"\x7f")
    write(t, "eleven_bytes", b"\x80" * 10 + b"\x00")
    write(t, "overlong_zero", b"\x80\x00")
    write(t, "overlong_five", b"\x85\x80\x80\x00")
    write(t, "truncated", b"\x80\x80")
    write(t, "string", string("sécurité") + b"rest")
    write(t, "string_truncated", b"\x05ab")
    write(t, "string_cjk", string("网络安全") + varint(300) + b"\x00")
    write(t, "empty", b"")
    write(t, "stream", b"".join(varint(n) for n in (0, 1, 127, 128, 16383, 16384, 2**35)))


# ---------------------------------------------------------------- doc_attributes
def attributes(length, language, published, sources):
    out = varint(length) + string(language)
    if published is None:
        out += b"\x00"
    else:
        out += b"\x01" + varint(((published << 1) ^ (published >> 63)) & (2**64 - 1))
    out += varint(len(sources)) + b"".join(string(s) for s in sources)
    return out


def doc_attributes():
    t = "doc_attributes"
    write(t, "en_with_sources", attributes(120, "en", 1574914320, ["vna", "en.vietnamplus.vn"]))
    write(t, "ru_before_1970", attributes(40, "ru", -86400 * 400, ["тасс"]))
    write(t, "vi_no_date", attributes(7, "vi", None, []))
    write(t, "und", attributes(0, "und", None, ["www.lemonde.fr", "lemonde.fr"]))
    write(t, "int64_extremes", attributes(2**32 - 1, "zh", -(2**63), ["x"]))
    write(t, "trailing_bytes", attributes(3, "de", None, ["dpa"]) + b"\x00")
    write(t, "flag_two", varint(3) + string("de") + b"\x02" + varint(10) + b"\x00")
    write(t, "huge_count", varint(3) + string("de") + b"\x00" + varint(2**32 - 1))
    write(t, "truncated", varint(3) + string("de"))
    write(t, "empty", b"")
    # As text lines for AttributesOf: length+flag bytes, language, sources,
    # then agency, dateline agency, URL, language code.
    write(t, "document_fields", b"\x10\x00\x00\x00\x01" + struct.pack("<q", 1574914320) +
          "en\nvna\nVNA\n\nVNA\nAFP\nhttps://user@WWW.Example.org:8080/path?q\nfr\n".encode())
    write(t, "document_odd_url", b"\x01\x00\x00\x00\x00" +
          "\n\n\n\n Reuters \n\nhttps:// Spaced.Host /x\n\n".encode())


# ---------------------------------------------------------------- document_terms
# "<language>\n<title>\n<dateline place>\n<paragraph>\n..."
def document_terms():
    t = "document_terms"
    write(t, "en", "en\nVietnam, Russia boost cooperation\nDa Nang\n"
          "Vietnam and Russia agreed to strengthen cooperation.\nThe U.S. don't 3.5 1,000 cyber-security.\n")
    write(t, "fr_elision", "fr\nL’Union européenne\nParis\nQu'il s'agisse de la cybercriminalité, l'Europe agit.\n")
    write(t, "de_compounds", "de\nCyberkriminalität\nBerlin\nDie Bekämpfung der Cyberkriminalitäten. Straße, STRASSE.\n")
    write(t, "ru", "ru\nМеждународная безопасность\nМосква\nРоссия и Вьетнам обсудили вопросы безопасности.\n")
    write(t, "vi", "vi\nHợp tác an ninh mạng\nĐà Nẵng\nViệt Nam và Nga tăng cường hợp tác. Trân, Đà Nẵng.\n")
    write(t, "cjk", "zh\n网络安全合作\n北京\n中国和越南在网络安全领域加强合作。\n情報セキュリティ。정보 보안.\n")
    write(t, "th_km", "th\nความมั่นคงปลอดภัย\n\nសន្តិសុខព័ត៌មាន\n")
    write(t, "long_word", "en\n" + "a" * 70 + " b\n\n" + "x" * 2000 + "\n")
    write(t, "soft_hyphens", "en\nin\u00adfor\u00adma\u00adtion\n\nﬁnance ǅemal Ⅻ\n")
    write(t, "emoji_and_marks", "en\n🙂 ́ a\u0301\n\n\u200d\u200bword\u00a0word\n")
    write(t, "invalid_utf8", b"en\n\xC3\x28abc\n\xff\nvalid \xED\xA0\x80 text\n")
    write(t, "unknown_language", "xx-Latn\nUnknown language tag\n\nStill analyzed, not stemmed.\n")
    write(t, "empty", b"")


# ---------------------------------------------------------------- stored_document
STORED = {
    "en_full": r'''
id: "3c1f0000000000000000000000000000"
source { agency: "VNA" url: "https://en.vietnamplus.vn/a.vnp" client_ref: "000.txt" }
language { code: "en" confidence: 0.98 reliable: true origin: LANGUAGE_ORIGIN_DETECTED }
title: "Vietnam, Russia boost cooperation in information security"
title_origin: TITLE_ORIGIN_HEADLINE
dateline { place: "Da Nang" agency: "VNA" text: "Da Nang (VNA) –" }
publication { time { seconds: 1574914320 } iso8601: "2019-11-28T11:12+07:00"
  has_utc_offset: true utc_offset_minutes: 420 precision: TIME_PRECISION_MINUTE
  origin: PUBLICATION_ORIGIN_TEXT_STAMP text: "November 28, 2019 | 11:12 am GMT+7" }
paragraphs { text: "Vietnam and Russia agreed to strengthen cooperation in ensuring international information security, and Russia will share its experience with Vietnam in the fight against cybercrime, officials said on Thursday after a meeting that lasted several hours in the central city." offset: 0 }
paragraphs { text: "Both sides discussed the prevention of cybercrimes." offset: 262 }
removed_fragments { kind: FRAGMENT_KIND_SIGNATURE text: "-VNA" line: 9 }
repairs { kind: REPAIR_KIND_CASE_JOIN original: "andRussia" replacement: "and Russia" paragraph: 0 offset: 90 }
raw { content_type: "text/plain" charset: "UTF-8" size_bytes: 1234 sha256: "ab" }
bundle_id: "0005f0000000000000000000"
sequence: 7
''',
    "fr": r'''
language { code: "fr" }
title: "La France et le Vietnam renforcent leur coopération"
paragraphs { text: "La coopération en matière de cybercriminalité progresse, selon le ministère de l’Intérieur." }
''',
    "de": r'''
language { code: "de" }
title: "Cyberkriminalität"
paragraphs { text: "Die Bekämpfung der Cyberkriminalität bleibt eine Aufgabe, die Europa gemeinsam lösen müsse." }
''',
    "ru": r'''
language { code: "ru" }
title: "Международная информационная безопасность"
dateline { place: "Москва" }
paragraphs { text: "Россия и Вьетнам обсудили вопросы международной информационной безопасности." }
''',
    "vi": r'''
language { code: "vi" }
title: "Hợp tác an ninh mạng Việt Nam - Nga"
paragraphs { text: "Hà Nội - Việt Nam và Nga tăng cường hợp tác trong lĩnh vực an ninh thông tin, Đà Nẵng." }
''',
    "cjk": r'''
language { code: "zh" }
title: "网络安全合作"
paragraphs { text: "中国和越南在网络安全领域加强合作。双方签署了协议。" }
paragraphs { text: "情報セキュリティの国際協力について議論した。" }
''',
    "long_words": '''
language { code: "en" }
paragraphs { text: "in\u00adfor\u00adma\u00adtion security in\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad\u00adfo" }
''',
    "empty_parts": r'''
title: ""
paragraphs { text: "" }
paragraphs { text: "   " }
''',
}


def stored_document():
    t = "stored_document"
    proto_dir = os.path.join(REPO, "proto")
    for name, text in STORED.items():
        encoded = subprocess.run(
            ["protoc", "--encode=accord.v1.Document", "-I", proto_dir, "-I", "/usr/include",
             "accord/v1/document.proto"],
            input=text.encode(), check=True, capture_output=True).stdout
        write(t, name, encoded)
    # Wire-level edge cases: invalid UTF-8 in a string field, a truncated
    # length, an unknown field, a huge length.
    write(t, "invalid_utf8_title", b"\x22\x02\xC3\x28")
    write(t, "truncated_length", b"\x22\x10abc")
    write(t, "unknown_field", b"\xf8\x07\x01\x22\x05Title")
    write(t, "huge_length", b"\x42\xff\xff\xff\xff\x0f")
    write(t, "empty", b"")


def main():
    text_decoder()
    normalizer()
    dates()
    query_parser()
    page_token()
    posting_block()
    posting_value()
    varint_seeds()
    doc_attributes()
    document_terms()
    stored_document()
    return 0


if __name__ == "__main__":
    sys.exit(main())
