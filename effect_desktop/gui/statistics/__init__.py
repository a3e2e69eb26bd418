"""The Statistics screen (Qt Charts over the figures of `effect_desktop.statistics`)."""

from .page import StatisticsPage

__all__ = ["StatisticsPage"]
