"""Schedulers: pure functions from a word's answers to its next review."""

from .base import Review, ReviewState, Scheduler
from .sm2 import SM2Scheduler

__all__ = ["Review", "ReviewState", "Scheduler", "SM2Scheduler"]
