"""Every user error is raised with a translatable Message, never a plain English string: the window
shows it in the interface's language (tests/gui/test_korean.py), the command line in English.

The scan reads the source: any `raise SomeError(...)` of a PlaygroundError subclass whose message is
a string literal, an f-string, a concatenation or a str.format() call fails. A Message(...) call or a
name holding one (a variable, a parameter) passes.
"""

import ast
from pathlib import Path

import playground

ROOT = Path(playground.__file__).parent

# Files still being converted by other developers; each is listed with why, and leaves this list once
# it raises Messages only (the test fails on an entry that no longer needs to be here).
NOT_CONVERTED_YET: dict[str, str] = {}


def _error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """PlaygroundError and every class in playground/ derived from it, however indirectly."""
    known = {"PlaygroundError"}
    bases = {
        node.name: {base.id if isinstance(base, ast.Name) else getattr(base, "attr", "") for base in node.bases}
        for tree in trees.values()
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    }
    while True:
        more = {name for name, parents in bases.items() if parents & known} - known
        if not more:
            return known
        known |= more


def _is_plain_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):  # "..." + name, "..." % values
        return _is_plain_text(node.left) or _is_plain_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return _is_plain_text(node.func.value)
    return False


def _plain_raises(trees: dict[str, ast.Module], errors: set[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path, tree in trees.items():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                continue
            func = node.exc.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name not in errors:
                continue
            arguments = [*node.exc.args, *(k.value for k in node.exc.keywords if k.arg in ("message", "text"))]
            if any(_is_plain_text(argument) for argument in arguments):
                found.setdefault(path, []).append(f"{path}:{node.lineno}: {ast.unparse(node.exc)[:100]}")
    return found


def _sources() -> dict[str, ast.Module]:
    return {
        path.relative_to(ROOT).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(ROOT.rglob("*.py"))
    }


def test_user_errors_are_raised_with_messages():
    trees = _sources()
    found = _plain_raises(trees, _error_classes(trees))
    problems = [line for path, lines in found.items() if path not in NOT_CONVERTED_YET for line in lines]
    assert not problems, "raise these with Message(TEMPLATE, ...) (playground/spec/messages.py):\n" + "\n".join(
        problems
    )
    converted = sorted(set(NOT_CONVERTED_YET) - set(found))
    assert not converted, f"no plain-text errors left in {converted}: take them off NOT_CONVERTED_YET"


def test_the_scan_finds_plain_strings_and_lets_messages_through():
    tree = ast.parse(
        "class OwnError(SpecError): pass\n"
        "def f(name, problem):\n"
        "    raise SpecError('plain')\n"
        "    raise OwnError(f'{name} is wrong')\n"
        "    raise DataError('a ' + name)\n"
        "    raise CheckpointError('{0} bad'.format(name))\n"
        "    raise SpecError(Message(messages.NOT_TEXT, value=name), path=name)\n"
        "    raise ShapeError(problem, layer_index=0)\n"
        "    raise ValueError('a programming error, not the user\\'s')\n"
    )
    errors = _error_classes(
        {"x.py": tree}
        | {
            "errors": ast.parse(
                "class SpecError(PlaygroundError): pass\nclass DataError(PlaygroundError): pass\n"
                "class CheckpointError(PlaygroundError): pass\nclass ShapeError(PlaygroundError): pass\n"
            )
        }
    )
    lines = _plain_raises({"x.py": tree}, errors)["x.py"]
    assert [int(line.split(":")[1]) for line in lines] == [3, 4, 5, 6]
