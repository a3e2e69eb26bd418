"""The application layer: commands in, events out, through one service."""
