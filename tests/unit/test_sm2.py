"""SM-2 against sequences computed by hand from the published rules (see sm2.py's docstring).

EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), floor 1.3:
  q=5: +0.10   q=4: +0.00   q=3: -0.14   (q<3: EF unchanged, repetitions restart)
Intervals: 1, 6, then ceil(previous interval * new EF).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from effect_desktop.domain.events import Grade
from effect_desktop.domain.scheduling.base import Review, ReviewState, replay
from effect_desktop.domain.scheduling.sm2 import SM2Scheduler, quality

MONDAY_NOON = datetime(2026, 6, 8, 12, 0, tzinfo=UTC)

# An answer that SM-2 grades q, without an explicit grade (response time picks 3, 4 or 5).
MS_FOR_QUALITY = {5: 1_000, 4: 10_000, 3: 20_000}


def review(q: int, at: datetime = MONDAY_NOON, offset: int = 0) -> Review:
    if q < 3:
        return Review(at, False, 1_000, utc_offset_minutes=offset)
    return Review(at, True, MS_FOR_QUALITY[q], utc_offset_minutes=offset)


def run(qualities: list[int]) -> list[ReviewState]:
    scheduler, states = SM2Scheduler(), []
    state = scheduler.initial()
    for day, q in enumerate(qualities):
        state = scheduler.review(state, review(q, MONDAY_NOON + timedelta(days=day)))
        states.append(state)
    return states


def summary(states: list[ReviewState]) -> list[tuple[int, float, int]]:
    return [(s.repetition_count, s.easiness_factor, s.interval_days) for s in states]


# --- quality mapping ------------------------------------------------------------------------------
@pytest.mark.parametrize(("is_correct", "ms", "grade", "expected"), [
    (False, 500, None, 1),
    (False, 60_000, None, 1),
    (True, 0, None, 5),
    (True, 5_000, None, 5),
    (True, 5_001, None, 4),
    (True, 15_000, None, 4),
    (True, 15_001, None, 3),
    (False, 1_000, Grade.AGAIN, 1),
    (True, 60_000, Grade.HARD, 3),
    (True, 60_000, Grade.GOOD, 4),
    (True, 60_000, Grade.EASY, 5),
    (True, 1_000, Grade.HARD, 3),  # the learner's own grade wins over speed
])
def test_quality_mapping(is_correct: bool, ms: int, grade: Grade | None, expected: int) -> None:
    assert quality(Review(MONDAY_NOON, is_correct, ms, grade)) == expected


# --- reference sequences --------------------------------------------------------------------------
def test_new_word_starts_at_ef_2_5_never_reviewed() -> None:
    state = SM2Scheduler().initial()
    assert (state.repetition_count, state.easiness_factor, state.interval_days,
            state.next_review_date) == (0, 2.5, 0, None)


def test_three_perfect_answers() -> None:
    # EF 2.5 -> 2.6 -> 2.7 -> 2.8; intervals 1, 6, ceil(6 * 2.8 = 16.8) = 17
    assert summary(run([5, 5, 5])) == [(1, 2.6, 1), (2, 2.7, 6), (3, 2.8, 17)]


def test_q4_keeps_ef_and_intervals_round_up() -> None:
    # EF stays 2.5; 1, 6, 6*2.5 = 15, 15*2.5 = 37.5 -> 38, 38*2.5 = 95
    assert summary(run([4, 4, 4, 4, 4])) == [
        (1, 2.5, 1), (2, 2.5, 6), (3, 2.5, 15), (4, 2.5, 38), (5, 2.5, 95)]


def test_float_noise_does_not_push_an_exact_interval_up_a_day() -> None:
    # q: 3 4 4 5 3 4 3 -> EF 2.36 2.36 2.36 2.46 2.32 2.32 2.18
    # intervals: 1, 6, ceil(6*2.36=14.16)=15, ceil(15*2.46=36.9)=37, ceil(37*2.32=85.84)=86,
    #            ceil(86*2.32=199.52)=200, 200*2.18 = 436 exactly (in floats 436.00000000000006)
    assert summary(run([3, 4, 4, 5, 3, 4, 3])) == [
        (1, 2.36, 1), (2, 2.36, 6), (3, 2.36, 15), (4, 2.46, 37), (5, 2.32, 86),
        (6, 2.32, 200), (7, 2.18, 436)]


def test_a_failure_restarts_repetitions_without_changing_ef() -> None:
    # 5, 5 -> EF 2.7, interval 6; fail -> repetitions 0, EF 2.7, interval 1;
    # then 5 -> rep 1, EF 2.8, interval 1; 5 -> rep 2, EF 2.9, interval 6;
    # 5 -> rep 3, EF 3.0, ceil(6*3.0) = 18
    states = run([5, 5, 1, 5, 5, 5])
    assert summary(states) == [(1, 2.6, 1), (2, 2.7, 6), (0, 2.7, 1), (1, 2.8, 1), (2, 2.9, 6),
                               (3, 3.0, 18)]
    assert states[-1].lapses == 1 and states[-1].reviews == 6


def test_ef_floor_after_repeated_q3() -> None:
    # EF falls 0.14 a time: 2.36 2.22 2.08 1.94 1.80 1.66 1.52 1.38, then 1.24 -> floor 1.3
    # intervals: 1, 6, ceil(6*2.08=12.48)=13, ceil(13*1.94=25.22)=26, ceil(26*1.8=46.8)=47,
    #            ceil(47*1.66=78.02)=79, ceil(79*1.52=120.08)=121, ceil(121*1.38=166.98)=167,
    #            ceil(167*1.3=217.1)=218, ceil(218*1.3=283.4)=284
    assert summary(run([3] * 10)) == [
        (1, 2.36, 1), (2, 2.22, 6), (3, 2.08, 13), (4, 1.94, 26), (5, 1.8, 47), (6, 1.66, 79),
        (7, 1.52, 121), (8, 1.38, 167), (9, 1.3, 218), (10, 1.3, 284)]


def test_a_failure_at_the_floor_keeps_the_floor() -> None:
    states = run([3] * 9 + [1, 4])
    assert summary(states)[-2:] == [(0, 1.3, 1), (1, 1.3, 1)]


def test_failures_on_a_new_word_are_not_lapses() -> None:
    states = run([1, 1, 4])
    assert summary(states) == [(0, 2.5, 1), (0, 2.5, 1), (1, 2.5, 1)]
    assert states[-1].lapses == 0


def test_replay_is_the_same_fold() -> None:
    reviews = [review(q, MONDAY_NOON + timedelta(days=i)) for i, q in enumerate([5, 3, 1, 4])]
    assert replay(SM2Scheduler(), reviews) == run([5, 3, 1, 4])[-1]


# --- next review date ----------------------------------------------------------------------------
def test_next_review_is_at_the_day_start_hour_of_the_due_study_day() -> None:
    tokyo = 9 * 60
    # 23:00 in Tokyo on 10 June (14:00 UTC): study day 10 June; interval 1 -> 11 June 04:00 JST
    state = SM2Scheduler().review(SM2Scheduler().initial(),
                                  review(5, datetime(2026, 6, 10, 14, 0, tzinfo=UTC), tokyo))
    assert state.next_review_date == datetime(2026, 6, 10, 19, 0, tzinfo=UTC)


def test_an_answer_before_the_day_start_belongs_to_the_previous_day() -> None:
    # 03:59 local (UTC+2) on 11 June is still study day 10 June: due 11 June 04:00 local
    state = SM2Scheduler().review(SM2Scheduler().initial(),
                                  review(4, datetime(2026, 6, 11, 1, 59, tzinfo=UTC), 120))
    assert state.next_review_date == datetime(2026, 6, 11, 2, 0, tzinfo=UTC)
    # 04:00 local is study day 11 June: due 12 June 04:00 local
    state = SM2Scheduler().review(SM2Scheduler().initial(),
                                  review(4, datetime(2026, 6, 11, 2, 0, tzinfo=UTC), 120))
    assert state.next_review_date == datetime(2026, 6, 12, 2, 0, tzinfo=UTC)


def test_a_six_day_interval_counts_study_days_and_honours_the_configured_hour() -> None:
    scheduler = SM2Scheduler(day_start_hour=6)
    first = scheduler.review(scheduler.initial(), review(5, datetime(2026, 6, 1, 12, tzinfo=UTC)))
    second = scheduler.review(first, review(5, datetime(2026, 6, 2, 5, 30, tzinfo=UTC)))
    # 05:30 UTC with the day starting at 06:00 is still 1 June: due 1 + 6 = 7 June 06:00
    assert second.interval_days == 6
    assert second.next_review_date == datetime(2026, 6, 7, 6, 0, tzinfo=UTC)


def test_intervals_stop_at_a_century_so_dates_stay_representable() -> None:
    from datetime import UTC, datetime, timedelta

    from effect_desktop.domain.scheduling.base import Review
    from effect_desktop.domain.scheduling.sm2 import MAX_INTERVAL_DAYS, SM2Scheduler

    scheduler = SM2Scheduler()
    state = scheduler.initial()
    at = datetime(2026, 1, 1, 9, tzinfo=UTC)
    for _ in range(40):  # perfect answers, each on its due day
        state = scheduler.review(state, Review(at, True, 1000))
        at = min(state.next_review_date or at, datetime(9000, 1, 1, tzinfo=UTC)) + timedelta(hours=5)
    assert state.interval_days == MAX_INTERVAL_DAYS
    assert state.next_review_date is not None and state.next_review_date.year < 9999
