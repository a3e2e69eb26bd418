"""Effect Desktop: an offline-first vocabulary study app whose every action is an event."""

__version__ = "0.1.0"
APP_NAME = "Effect Desktop"
