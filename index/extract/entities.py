"""Placeholder, replaced below."""
from index.article import Entity


def extract_entities(body: str, title: str = "") -> list[Entity]:
    return []
