"""Project-wide promises: the pure core, and a README that documents every command and option."""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

from kiosk.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
ALLOWED_IN_CORE = {"cryptography", "kiosk"}


def test_core_imports_only_the_standard_library_and_crypto():
    offenders = []
    for path in (REPO / "kiosk" / "core").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top not in ALLOWED_IN_CORE:
                    offenders.append(f"{path.name}: {name}")
                if top == "kiosk" and not name.startswith("kiosk.core"):
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []


def _walk(parser: argparse.ArgumentParser, path: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield path + (name,), None
                yield from _walk(sub, path + (name,))
        elif path:
            for option in action.option_strings:
                if option.startswith("--") and option != "--help":
                    yield path, option


def test_every_command_and_option_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = []
    for command, option in _walk(build_parser()):
        line = "kiosk " + " ".join(command)
        if line not in readme:
            missing.append(line)
        if option is not None:
            documented = any(line in row and option in row for row in readme.splitlines())
            if not documented:
                missing.append(f"{line} {option}")
    assert missing == []
