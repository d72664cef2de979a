"""Walking a dependency tree with some branches cut off."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token


def pruned_subtree(head: Token, skip: Callable[[Token, Token], bool]) -> list[Token]:
    """``head``'s subtree in text order, leaving out every ``child`` (and what hangs on it)
    for which ``skip(child, parent)`` is true."""
    out: list[Token] = []
    stack = [head]
    while stack:
        tok = stack.pop()
        out.append(tok)
        stack.extend(child for child in tok.children if not skip(child, tok))
    out.sort(key=lambda t: t.i)
    return out
