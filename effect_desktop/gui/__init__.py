"""The PySide6 desktop interface: the only package that imports Qt.

It reads through `Profile.queries` and changes state only through
`Profile.service` commands; long work goes through `operations`.
"""
