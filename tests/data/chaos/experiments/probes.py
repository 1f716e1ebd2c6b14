"""Helpers the experiment fixtures call through `python` providers.

Both Chaos Toolkit and omni run these (Chaos Toolkit in its own process,
omni in a python3 child), with this directory on PYTHONPATH.
"""


def above(value=None, limit=0):
    """A tolerance probe: is the probe's output greater than `limit`?"""
    return value > limit


def word_count(path):
    with open(path) as f:
        return len(f.read().split())


def explode(message="boom"):
    raise RuntimeError(message)
