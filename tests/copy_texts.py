"""Texts for copy-cluster tests: a wire story, an unrelated one, and shuffled copies of them."""

from __future__ import annotations

import random

STORY = (
    "Russia and Turkey agreed on Thursday to set up a security corridor along the M4 highway in Idlib.\n"
    "Foreign Minister Sergey Lavrov said the memorandum would be observed by both sides from Friday.\n"
    "Turkish officials said joint patrols would begin on March 15 along the highway's length.\n"
    "The agreement follows weeks of fighting that displaced nearly a million civilians in the province.\n"
    "Analysts said the deal left unresolved the fate of the rebel-held south of the province."
)
OTHER = (
    "The central bank raised its key interest rate by half a percentage point on Friday, citing inflation.\n"
    "Governor Elvira Nabiullina said further increases were possible if prices kept rising this quarter.\n"
    "The rouble strengthened slightly against the dollar after the announcement in Moscow.\n"
    "Economists had expected a smaller increase given the slowdown in retail lending this year."
)


def shuffled(text: str, seed: int) -> str:
    """``text``'s lines as paragraphs in a seeded random order (a republished copy)."""
    paragraphs = text.split("\n")
    random.Random(seed).shuffle(paragraphs)
    return "\n\n".join(paragraphs)
