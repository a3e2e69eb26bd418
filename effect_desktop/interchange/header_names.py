"""What a word list's first row says of its columns: which field each names, in English or Japanese, or
in the learner's own French, German, Spanish, Italian, Portuguese or Russian (or by a language:
"English,日本語", "Français;Anglais"), and so whether the row is a header at all.

Both the reading of a file (is the first row a header?) and the column mapping (which column is the
word?) ask it, so it is a module of its own.
"""

from __future__ import annotations

import unicodedata

_HEADER_NAMES = {
    "text": {"text", "word", "words", "front", "term", "expression", "vocabulary", "question", "kanji", "単語", "語",
             "英単語", "表現", "見出し語", "漢字", "おもて", "表", "問題",
             # a learner's own language heads a list too: French, German, Spanish, Italian, Portuguese, Russian
             # ("Mot;Traduction" was imported as the word "Mot")
             "mot", "mots", "terme", "wort", "wörter", "begriff", "vokabel", "palabra", "palabras", "término",
             "parola", "parole", "termine", "palavra", "palavras", "termo", "слово", "слова", "термин"},
    "meaning": {"meaning", "meanings", "back", "definition", "translation", "answer", "意味", "訳", "和訳",
                "日本語訳", "英訳", "うら", "裏", "答え", "解答",
                "traduction", "sens", "signification", "définition", "bedeutung", "übersetzung",
                "significado", "traducción", "definición", "significato", "traduzione", "tradução",
                "definição", "перевод", "значение", "определение"},
    "category": {"category", "deck", "part of speech", "pos", "カテゴリ", "カテゴリー", "分類", "品詞",
                 "catégorie", "kategorie", "categoría", "categoria", "категория", "тема", "thème", "thema", "tema"},
    "tags": {"tags", "tag", "labels", "タグ", "étiquettes", "étiquette", "schlagwörter", "etiquetas", "etichette",
             "теги", "метки"},
    "difficulty": {"difficulty", "level", "難易度", "レベル", "difficulté", "niveau", "schwierigkeit", "stufe",
                   "dificultad", "nivel", "difficoltà", "livello", "dificuldade", "nível", "сложность",
                   "уровень"},
}
# A reading is not the meaning beside one (Kanji,Reading,English), but is when nothing else is: Kanji,Reading
# and 漢字,読み are learnt as 猫 → ねこ.
_READINGS = {"reading", "readings", "furigana", "kana", "hiragana", "yomi", "読み", "読み方", "よみ", "ふりがな",
             "フリガナ", "かな"}
# A column named after a language ("English,Japanese", "英語,日本語") holds that language, which says
# nothing of word or meaning: the first such column is the word (the language the list teaches), the next
# its meaning. A row naming one language twice ("English,英語") is a word and its translation.
_LANGUAGES = {
    "en": {"english", "英語", "eigo", "anglais", "englisch", "inglés", "ingles", "inglese", "inglês",
           "английский"},
    "ja": {"japanese", "日本語", "nihongo", "japonais", "japanisch", "japonés", "giapponese", "японский"},
    "fr": {"french", "français", "francais", "フランス語", "französisch", "francés", "francese", "французский"},
    "de": {"german", "deutsch", "ドイツ語", "allemand", "alemán", "tedesco", "немецкий"},
    "es": {"spanish", "español", "espanol", "スペイン語", "espagnol", "spanisch", "spagnolo", "испанский"},
    "it": {"italian", "italiano", "イタリア語", "italien", "italienisch"},
    "pt": {"portuguese", "português", "ポルトガル語"}, "ru": {"russian", "русский", "ロシア語"},
    "zh": {"chinese", "中国語", "中文"}, "ko": {"korean", "韓国語", "한국어"},
}


def _header_field(cell: str) -> str | None:
    name = _name(cell)
    for field_name, names in _HEADER_NAMES.items():
        if name in names or name == field_name:
            return field_name
    return None


def _name(cell: str) -> str:
    return unicodedata.normalize("NFKC", cell).strip().casefold()


def _language(cell: str) -> str | None:
    name = _name(cell)
    return next((code for code, names in _LANGUAGES.items() if name in names), None)


def header_fields(cells: list[str]) -> list[str | None]:
    """The field each cell names, languages included: the first language column is the word's and the
    next the meaning's, unless another cell names them ("word,日本語": 日本語 is the meaning)."""
    fields = [_header_field(cell) for cell in cells]
    languages = [index for index, cell in enumerate(cells) if fields[index] is None and _language(cell)]
    if len({_language(cells[index]) for index in languages}) < len(languages):
        return fields  # "English,英語": one language named twice is a word and its translation, not a header
    free = [name for name in ("text", "meaning") if name not in fields]
    for index, name in zip(languages, free, strict=False):
        fields[index] = name
    readings = [index for index, cell in enumerate(cells) if fields[index] is None and _name(cell) in _READINGS]
    if readings and "text" in fields and "meaning" not in fields:
        fields[readings[0]] = "meaning"
    return fields


def looks_like_header(cells: list[str]) -> bool:
    """A first row names the columns when it names the word's and the meaning's, or names every column it
    fills with at least two fields; one cell that happens to be a field's name ("back,背中") is a word."""
    if any(c.strip().isdigit() for c in cells):
        return False
    named = [field_name for cell, field_name in zip(cells, header_fields(cells), strict=True) if cell.strip()]
    fields = set(named) - {None}
    return {"text", "meaning"} <= fields or (len(fields) >= 2 and None not in named)
