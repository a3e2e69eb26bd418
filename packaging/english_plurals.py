"""Write the English plural forms of the interface's counted messages ("1 day", "3 days").

English is the source language, so it has no translation file of its own;
but Qt's plural handling ("%n day(s)" with a count) needs one to say "day"
and "days", otherwise the window shows "3 day(s)". The messages are found by
`pyside6-lupdate -pluralonly`; each "(s)" becomes nothing for one and "s" for
more, unless the file already has both forms (a singular put right by hand:
"1 word … was deleted"). Messages already in the file that lupdate does not
report (a count it cannot see: `translate` called through an alias, or from a
lambda) are kept as they are: they were added by hand. Run after adding or changing a counted
message (a test says when):

    python packaging/english_plurals.py       # resources/translations/effect_desktop_en.ts and .qm
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "effect_desktop" / "gui"
TS = ROOT / "resources" / "translations" / "effect_desktop_en.ts"


def forms(source: str) -> tuple[str, str]:
    """One and many: "%n day(s)" -> ("%n day", "%n days")."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def tool(name: str) -> str | None:
    """A PySide6 tool beside this interpreter (a venv's python run directly has not its bin/ on PATH),
    else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def counted_messages() -> ET.ElementTree:
    """lupdate's catalogue of every numerus message in the GUI's sources."""
    lupdate = tool("pyside6-lupdate")
    if lupdate is None:
        raise SystemExit("pyside6-lupdate is not installed (it comes with PySide6)")
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "plurals.ts"
        sources = sorted(str(p) for p in GUI.rglob("*.py"))
        subprocess.run([lupdate, *sources, "-pluralonly", "-no-obsolete", "-locations", "none",
                        "-target-language", "en", "-ts", str(fresh)], check=True, capture_output=True)
        return ET.parse(fresh)


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str]:
    return context.findtext("name") or "", message.findtext("source") or ""


def source_strings() -> set[str]:
    """Every string the GUI's sources write (adjacent literals joined, as Python joins them)."""
    return {node.value for path in GUI.rglob("*.py") for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def keep_hand_added(tree: ET.ElementTree) -> None:
    """Carry over the messages of the current file that lupdate did not find, while the code still
    says them: a message whose sentence the code no longer has stayed in the file for good."""
    if not TS.exists():
        return
    root = tree.getroot()
    found = {_key(c, m) for c in root.iter("context") for m in c.iter("message")}
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    said = source_strings()
    for old_context in ET.parse(TS).getroot().iter("context"):
        for message in old_context.iter("message"):
            if _key(old_context, message) in found:
                continue
            if (message.findtext("source") or "") not in said:
                print(f"dropped (no longer in the code): {_key(old_context, message)}")
                continue
            name = old_context.findtext("name") or ""
            if name not in contexts:
                contexts[name] = ET.SubElement(root, "context")
                ET.SubElement(contexts[name], "name").text = name
            contexts[name].append(message)


def written_forms() -> dict[tuple[str, str], list[str]]:
    """The forms the current file gives each message. One written by hand stays as written: the
    mechanical "(s)" rule made "1 word of this session were deleted; their cards…" of a sentence
    whose singular had been put right ("1 word … was deleted; its card…")."""
    if not TS.exists():
        return {}
    return {_key(c, m): [f.text or "" for f in m.iter("numerusform")]
            for c in ET.parse(TS).getroot().iter("context") for m in c.iter("message")}


def main() -> int:
    tree = counted_messages()
    written = written_forms()
    keep_hand_added(tree)
    for context in tree.getroot().iter("context"):
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            assert translation is not None
            translation.attrib.pop("type", None)  # finished
            for child in list(translation):
                translation.remove(child)
            translation.text = None
            kept = written.get(_key(context, message), [])
            for text in kept if len(kept) == 2 and all(kept) else forms(source):
                ET.SubElement(translation, "numerusform").text = text
    ET.indent(tree)
    TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                  + ET.tostring(tree.getroot(), encoding="unicode") + "\n", encoding="utf-8")
    subprocess.run([tool("pyside6-lrelease") or "pyside6-lrelease", str(TS), "-qm",
                    str(TS.with_suffix(".qm"))], check=True, capture_output=True)
    print(f"wrote {TS} and its .qm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
