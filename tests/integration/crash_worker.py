"""A learner that never stops, for the crash test: `python -m tests.integration.crash_worker PATH`.

It runs commands through the real service and, after each one returns,
prints the id of an event that command stored ("confirmed": the UI would have
shown it), flushing at once, so the parent knows what must survive a kill.
"""

from __future__ import annotations

import sys
from itertools import count
from pathlib import Path

from effect_desktop.bootstrap import open_profile


def confirm(kind: str, value: object) -> None:
    print(kind, value, flush=True)


def main(path: str) -> None:
    profile = open_profile(Path(path), snapshot_every=5)
    service = profile.service
    words = [service.create_word(f"seed {i}", f"種 {i}") for i in range(3)]
    for word in words:
        confirm("stream", word)
    for n in count():
        word = service.create_word(f"word {n}", f"意味 {n}", tags=["crash", f"n{n % 7}"],
                                   difficulty=n % 5 + 1)
        confirm("stream", word)
        words.append(word)
        session = service.start_session("flashcard", words[-4:])
        confirm("stream", session)
        for i, studied in enumerate(words[-4:]):
            outcome = service.answer(session, studied, i % 3 != 0, 1000 + 700 * i)
            confirm("event", outcome.answer_event_id)
        if n % 4 == 0:
            confirm("event", service.delete_word(words.pop(-2)))
        confirm("event", service.complete_session(session))


if __name__ == "__main__":
    main(sys.argv[1])
