"""One human sentence per event, in English or Japanese.

The GUI picks its language through Qt translations; this core has no Qt, so
it keeps a small catalogue of its own and `describe` takes the language code
("en" or "ja"; anything else falls back to English).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from .entries import UNDONE_BY, TimelineEntry, in_field_order

LANGUAGES = ("en", "ja")

_TEXT: dict[str, dict[str, str]] = {
    "en": {
        "WordCreated": "Added the word '{word}' ({meaning})",
        "WordUpdated": "Changed the {fields} of '{word}'",
        "WordRenamed": "Renamed '{word}' to '{new}'",
        "WordUpdated.undo": "Undid the change to the {fields} of '{word}'",
        "WordDeleted": "Deleted the word '{word}'",
        "WordRestored": "Restored the word '{word}'",
        "WordRestored.undo": "Undid the deletion of '{word}'",
        "WordDeleted.undo": "Undid bringing back '{word}'",
        "WordDeleted.unadd": "Undid adding '{word}'",
        "WordRestored.readd": "Added '{word}' again",
        "WordUpdated.redo": "Redid the change to the {fields} of '{word}'",
        "WordDeleted.redo": "Deleted the word '{word}' again",
        "WordRestored.redo": "Restored the word '{word}' again",
        "SessionStarted": "Started a {mode} session with {count} words",
        "SessionStarted.one": "Started a {mode} session with 1 word",
        "answer.right": "Answered '{word}' correctly in {seconds} s (attempt {attempt})",
        "answer.wrong": "Answered '{word}' wrongly in {seconds} s (attempt {attempt})",
        "answer.grade": " – graded {grade}",
        "AnswerRetracted": "Undid the answer to '{word}' ({result}, attempt {attempt})",
        "AnswerRetracted.plain": "Undid an answer to '{word}'",
        "result.right": "correct",
        "result.wrong": "wrong",
        "SessionCompleted": "Finished a session: {correct} of {total} correct in {duration}",
        "ProgressUpdated": "'{word}' is next due on {due} (interval {interval} d, EF {ef})",
        "ProgressUpdated.fsrs": "'{word}' is next due on {due} (interval {interval} d)",
        "ProgressUpdated.reset": "'{word}' has no schedule any more (its answers were undone)",
        "StreakUpdated": "Streak: {days} days",
        "StreakUpdated.one": "Streak: 1 day",
        "SchedulerChanged": "Switched the scheduler to {scheduler}",
        "StudyDayStartChanged": "Moved the start of the study day to {hour}:00",
        "unknown": "{event_type}",
        "and": " and ",
        "duration.m": "{m} min {s} s",
        "duration.s": "{s} s",
        "someword": "a word",
        "story.deleted": " (deleted)",
        "story.undone": "  (undone)",
        "story.summary": "{answers}, {right} correct; interval now {interval}",
        "group.WordCreated": "Added {count} words in one go: {words}…",
        "group.WordUpdated": "Changed {count} words in one go: {words}…",
        "group.WordUpdated.undo": "Undid the change to {count} words: {words}…",
        "group.WordDeleted": "Deleted {count} words in one go: {words}…",
        "group.WordDeleted.undo": "Undid bringing back {count} words: {words}…",
        "group.WordDeleted.unadd": "Undid adding {count} words: {words}…",
        "group.WordRestored.readd": "Added {count} words again: {words}…",
        "group.WordRestored": "Brought back {count} words in one go: {words}…",
        "group.WordRestored.undo": "Undid the deletion of {count} words: {words}…",
        "group.WordUpdated.redo": "Redid the change to {count} words: {words}…",
        "group.WordDeleted.redo": "Deleted {count} words again: {words}…",
        "group.WordRestored.redo": "Restored {count} words again: {words}…",
        "group.quote": "'{word}'",
        "group.between": ", ",
    },
    "ja": {
        "WordCreated": "単語「{word}」を追加しました（{meaning}）",
        "WordUpdated": "「{word}」の{fields}を変更しました",
        "WordRenamed": "「{word}」を「{new}」に変更しました",
        "WordUpdated.undo": "「{word}」の{fields}の変更を取り消しました",
        "WordDeleted": "単語「{word}」を削除しました",
        "WordRestored": "単語「{word}」を復元しました",
        "WordRestored.undo": "「{word}」の削除を取り消しました",
        "WordDeleted.undo": "「{word}」の復元を取り消しました",
        "WordDeleted.unadd": "「{word}」の追加を取り消しました",
        "WordRestored.readd": "「{word}」をもう一度追加しました",
        "WordUpdated.redo": "「{word}」の{fields}の変更をやり直しました",
        "WordDeleted.redo": "単語「{word}」をもう一度削除しました",
        "WordRestored.redo": "単語「{word}」をもう一度復元しました",
        "SessionStarted": "{count} 語の{mode}セッションを開始しました",
        "SessionStarted.one": "1 語の{mode}セッションを開始しました",
        "answer.right": "「{word}」に正解しました（{seconds} 秒、{attempt} 回目）",
        "answer.wrong": "「{word}」に不正解でした（{seconds} 秒、{attempt} 回目）",
        "answer.grade": "・評価 {grade}",
        "AnswerRetracted": "「{word}」への解答を取り消しました（{result}、{attempt} 回目）",
        "AnswerRetracted.plain": "「{word}」への解答を取り消しました",
        "result.right": "正解",
        "result.wrong": "不正解",
        "SessionCompleted": "セッションを完了しました：{total} 問中 {correct} 問正解（{duration}）",
        "ProgressUpdated": "「{word}」の次回復習は {due}（間隔 {interval} 日、EF {ef}）",
        "ProgressUpdated.fsrs": "「{word}」の次回復習は {due}（間隔 {interval} 日）",
        "ProgressUpdated.reset": "「{word}」の復習予定はなくなりました（解答が取り消されたため）",
        "StreakUpdated": "連続学習：{days} 日",
        "StreakUpdated.one": "連続学習：1 日",
        "SchedulerChanged": "スケジューラーを {scheduler} に切り替えました",
        "StudyDayStartChanged": "学習日の始まりを {hour}:00 に変更しました",
        "unknown": "{event_type}",
        "and": "と",
        "duration.m": "{m} 分 {s} 秒",
        "duration.s": "{s} 秒",
        "someword": "単語",
        "story.deleted": "（削除済み）",
        "story.undone": "  （取り消し済み）",
        "story.summary": "解答 {count} 回、うち正解 {right} 回。現在の間隔は {days} 日",
        "group.WordCreated": "{count} 語をまとめて追加しました：{words}ほか",
        "group.WordUpdated": "{count} 語をまとめて変更しました：{words}ほか",
        "group.WordUpdated.undo": "{count} 語の変更を取り消しました：{words}ほか",
        "group.WordDeleted": "{count} 語をまとめて削除しました：{words}ほか",
        "group.WordDeleted.undo": "{count} 語の復元を取り消しました：{words}ほか",
        "group.WordDeleted.unadd": "{count} 語の追加を取り消しました：{words}ほか",
        "group.WordRestored.readd": "{count} 語をもう一度追加しました：{words}ほか",
        "group.WordRestored": "{count} 語をまとめて復元しました：{words}ほか",
        "group.WordRestored.undo": "{count} 語の削除を取り消しました：{words}ほか",
        "group.WordUpdated.redo": "{count} 語の変更をやり直しました：{words}ほか",
        "group.WordDeleted.redo": "{count} 語をもう一度削除しました：{words}ほか",
        "group.WordRestored.redo": "{count} 語をもう一度復元しました：{words}ほか",
        "group.quote": "「{word}」",
        "group.between": "",
    },
}

_FIELDS = {
    "en": {"text": "text", "meaning": "meaning", "category": "category", "tags": "tags",
           "difficulty": "difficulty"},
    "ja": {"text": "単語", "meaning": "意味", "category": "カテゴリ", "tags": "タグ",
           "difficulty": "難易度"},
}

# Mode and grade names as the Study page shows them (its translations in effect_desktop_ja.ts);
# tests/timeline/test_describe_and_queries.py keeps the two in step.
_MODES = {
    "en": {"flashcard": "flashcard", "multiple_choice": "multiple-choice", "typing": "typing"},
    "ja": {"flashcard": "フラッシュカード", "multiple_choice": "四択", "typing": "タイピング"},
}

_GRADES = {
    "en": {"again": "Again", "hard": "Hard", "good": "Good", "easy": "Easy"},
    "ja": {"again": "もう一度", "hard": "難しい", "good": "普通", "easy": "簡単"},
}

_TYPE_LABELS = {
    "en": {
        "WordCreated": "Word added", "WordUpdated": "Word edited", "WordDeleted": "Word deleted",
        "WordRestored": "Word restored", "SessionStarted": "Session started",
        "QuestionAnswered": "Answer", "AnswerRetracted": "Answer undone",
        "SessionCompleted": "Session finished", "ProgressUpdated": "Progress",
        "StreakUpdated": "Streak", "SchedulerChanged": "Scheduler changed",
        "StudyDayStartChanged": "Study day moved",
    },
    "ja": {
        "WordCreated": "単語の追加", "WordUpdated": "単語の編集", "WordDeleted": "単語の削除",
        "WordRestored": "単語の復元", "SessionStarted": "セッション開始",
        "QuestionAnswered": "解答", "AnswerRetracted": "解答の取り消し",
        "SessionCompleted": "セッション完了", "ProgressUpdated": "進捗",
        "StreakUpdated": "連続学習", "SchedulerChanged": "スケジューラー変更",
        "StudyDayStartChanged": "学習日の変更",
    },
}

EVENT_TYPES = tuple(_TYPE_LABELS["en"])


def _lang(language: str) -> str:
    code = (language or "en").split("_")[0].split("-")[0].lower()
    return code if code in _TEXT else "en"


def scheduler_name(name: str) -> str:
    """A scheduler as the window names it: "SM-2" (upper case alone gave "SM2"), "FSRS"."""
    return {"sm2": "SM-2", "fsrs": "FSRS"}.get(name, name.upper())


def type_label(event_type: str, language: str = "en") -> str:
    return _TYPE_LABELS[_lang(language)].get(event_type, event_type)


def types_matching(text: str) -> list[str]:
    """Event types whose label (in any language) or name contains `text`, for free-text search."""
    needle = text.strip().casefold()
    if not needle:
        return []
    return [t for t in EVENT_TYPES
            if needle in t.casefold() or any(needle in labels[t].casefold() for labels in _TYPE_LABELS.values())]


_TAKING_BACK = ("undo", "undid", "undone", "redo", "redid", "取り消し", "やり直し")
MIN_TAKING_BACK = 4  # letters typed before "undo"/"redo" are recognised ("red" is also a colour)


def taking_back_matches(text: str) -> bool:
    """Whether free text asks for undos and redos ("undo", 取り消し): an edit's undo is an edit by type,
    so the type labels alone found only the answers taken back. The start of such a word, long enough
    not to be part of an ordinary search, and not the grade "again" (もう一度), a grade of answers."""
    needle = text.strip().casefold()
    if len(needle) < (MIN_TAKING_BACK if needle.isascii() else 2):
        return False
    return any(word.startswith(needle) for word in _TAKING_BACK)


def field_name(name: str, language: str = "en") -> str:
    """A word field as the sentences name it ("meaning", 意味)."""
    return _FIELDS[_lang(language)].get(name, name)


def story_words(language: str = "en") -> dict[str, str]:
    """The few words around a word's story in the CLI (`history`): marks and the closing line."""
    text = _TEXT[_lang(language)]
    return {key[len("story."):]: value for key, value in text.items() if key.startswith("story.")}


GROUPED_TYPES = ("WordCreated", "WordUpdated", "WordDeleted", "WordRestored")  # what one action does in bulk


def _taking_back(entry: TimelineEntry) -> str:
    """".undo" for a word change that takes back the one it names, ".redo" when that one was an undo;
    ".unadd" for a deletion that takes back the word's adding (an import undone)."""
    if entry.cause_type is None or entry.cause_type not in UNDONE_BY.get(entry.event_type, ()):
        return ""
    if entry.cause_root_type == "WordCreated" or entry.cause_type == "WordCreated":  # an import undone, redone…
        return ".unadd" if entry.event_type == "WordDeleted" else ".readd"
    return ".redo" if entry.cause_is_undo else ".undo"


# A line break (of any kind) or a tab in a word: the timeline's rows are one line high, and showed a word
# with a break up to it ("Answered 'line…"), with right or wrong and the due date lost after it.
_BREAKS = re.compile("[\t\n\v\f\r\x1c-\x1e\x85\u2028\u2029]+")


def _one_line(value: object) -> str:
    return _BREAKS.sub(" ", str(value))


def describe_group(first: TimelineEntry, count: int, samples: list[TimelineEntry], language: str = "en") -> str:
    """One line for `count` events of one action (an import of 300 words, a delete of 40), naming the
    first few words: a row per word drowned everything else on that day."""
    text = _TEXT[_lang(language)]
    kind = first.event_type
    key = f"group.{kind}{_taking_back(first)}"
    named = text["group.between"].join(
        text["group.quote"].format(word=_one_line(e.word_text or e.payload.get("text") or text["someword"]))
        for e in samples)
    return text.get(key, text["unknown"]).format(count=f"{count:,}", words=named, event_type=kind)


def describe(entry: TimelineEntry, language: str = "en") -> str:
    lang = _lang(language)
    text = _TEXT[lang]
    p = entry.payload
    word = _one_line(entry.word_text or p.get("text") or text["someword"])
    kind = entry.event_type
    if kind == "WordCreated":
        return text[kind].format(word=_one_line(p.get("text", word)), meaning=_one_line(p.get("meaning", "")))
    if kind == "WordUpdated":
        # in the fields' own order, not the payload's: a server's JSONB stores an object's keys in its own
        # order, and the two computers told the same edit differently ("meaning and tags", "tags and meaning")
        changes = in_field_order(p.get("changes", {}))
        back = _taking_back(entry)
        if set(changes) == {"text"} and not back:
            return text["WordRenamed"].format(word=word, new=_one_line(changes["text"]))
        fields = text["and"].join(_FIELDS[lang].get(k, k) for k in changes)
        return text[kind + back].format(word=word, fields=fields)
    if kind in ("WordRestored", "WordDeleted"):
        return text[kind + _taking_back(entry)].format(word=word)
    if kind == "SessionStarted":
        mode = _MODES[lang].get(p.get("mode", ""), p.get("mode", ""))
        count = len(p.get("word_ids", []))
        return text["SessionStarted.one" if count == 1 else kind].format(mode=mode, count=count)
    if kind == "QuestionAnswered":
        sentence = text["answer.right" if p.get("is_correct") else "answer.wrong"].format(
            word=word, seconds=_seconds(p.get("response_time_ms", 0)), attempt=p.get("attempt_number", 1))
        if p.get("grade"):
            sentence += text["answer.grade"].format(grade=_GRADES[lang].get(p["grade"], p["grade"]))
        return sentence
    if kind == "AnswerRetracted":
        subject = entry.subject
        if not subject:
            return text["AnswerRetracted.plain"].format(word=word)
        result = text["result.right" if subject.get("is_correct") else "result.wrong"]
        return text[kind].format(word=word, result=result, attempt=subject.get("attempt_number", 1))
    if kind == "SessionCompleted":
        return text[kind].format(correct=p.get("correct_answers", 0), total=p.get("total_questions", 0),
                                 duration=_duration(int(p.get("duration_seconds", 0)), text))
    if kind == "ProgressUpdated":
        due = _local_date(str(p.get("next_review_date", "")), entry.utc_offset_minutes)
        if not p.get("repetition_count") and not p.get("interval_days"):
            return text["ProgressUpdated.reset"].format(word=word)
        key = f"{kind}.fsrs" if entry.scheduler == "fsrs" else kind  # FSRS keeps no easiness
        return text[key].format(word=word, due=due, interval=p.get("interval_days", 0),
                                ef=f"{float(p.get('easiness_factor', 0)):.2f}")
    if kind == "StreakUpdated":
        days = int(p.get("consecutive_days", 0))
        return text["StreakUpdated.one"] if days == 1 else text[kind].format(days=days)
    if kind == "SchedulerChanged":
        return text[kind].format(scheduler=scheduler_name(str(p.get("scheduler", ""))))
    if kind == "StudyDayStartChanged":
        return text[kind].format(hour=int(p.get("hour", 0)))
    return text["unknown"].format(event_type=kind)


def learner_time(at: datetime, offset_minutes: int) -> datetime:
    """The learner's wall-clock time at `at` (the offset recorded with the event), as a naive datetime.

    Events are shown at the time the learner saw, like their study days, whatever
    the zone of the computer showing them."""
    return (at.astimezone(UTC) + timedelta(minutes=offset_minutes)).replace(tzinfo=None)


def moment_text(at: datetime, offset_minutes: int | None, pattern: str = "%Y-%m-%d %H:%M:%S") -> str:
    """A moment on the learner's clock then (this computer's zone when None), naming that clock's
    offset when it is not this computer's: the time travel's banner and the statistics as of then
    say the time the rows show, and that it is not the time here."""
    here = int((at.astimezone().utcoffset() or timedelta()).total_seconds() // 60)
    shown = here if offset_minutes is None else offset_minutes
    text = learner_time(at, shown).strftime(pattern)
    if shown != here:
        hours, minutes = divmod(abs(shown), 60)
        text += f" (UTC{'+' if shown >= 0 else '-'}{hours:02d}:{minutes:02d})"
    return text


def _local_date(stamp: str, offset_minutes: int) -> str:
    """The learner's local date of a stored UTC time (a due date is the start of a local day)."""
    try:
        moment = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp[:10]
    return (moment + timedelta(minutes=offset_minutes)).date().isoformat()


def _seconds(ms: int) -> str:
    return f"{ms / 1000:.1f}"


def _duration(seconds: int, text: dict[str, str]) -> str:
    minutes, rest = divmod(max(0, seconds), 60)
    return text["duration.m"].format(m=minutes, s=rest) if minutes else text["duration.s"].format(s=rest)
