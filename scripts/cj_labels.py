"""The header lines of a known-buggy file that the audit and the benchmarks read.

`// expect: VERDICT` (or `VERDICT or VERDICT ...` when one bug legitimately shows as two
verdicts) and `// judge-mode: MODE` (the mode its label speaks for; default when absent), both
within the file's first 2000 characters.
"""
import re


def _head(path):
    with open(path) as f:
        return f.read(2000)


def labels_of(path):
    """The verdicts the file's `// expect:` line allows, [] when it has none."""
    m = re.search(r"^// expect: ([a-z_]+(?: or [a-z_]+)*)", _head(path), re.M)
    return m.group(1).split(" or ") if m else []


def judge_mode_of(path):
    """The mode the label speaks for."""
    m = re.search(r"^// judge-mode: ([a-z_]+)", _head(path), re.M)
    return m.group(1) if m else "default"
