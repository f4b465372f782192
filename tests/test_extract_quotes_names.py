"""The name layer of ``index.extract.quotes``: name runs registered per surname, with roles."""

from __future__ import annotations

from index.extract import quotes


def _names(body: str) -> quotes._Names:
    tokens = quotes._tokenise(body)
    return quotes._Names(tokens, quotes._mid_sentence_caps(tokens))


_BODY = (
    "Officials met on Monday. Foreign Minister Sergey Lavrov, the Kremlin envoy, arrived late.\n"
    "At noon, Democratic nominee Hillary Clinton spoke. Later, Lavrov, the mayor said, left. "
    "A man from Lavrov and another from Georgia came. Officials of Georgia said so."
)


def test_names_register_full_names_kinds_and_roles():
    for _article in range(2):  # the second time the registrations come from the memo
        names = _names(_BODY)
        lavrov = names.by_surname["lavrov"]
        assert lavrov.name == "Sergey Lavrov" and lavrov.type == "person"
        # title words, the apposition after the first mention (not the one with its own verb)
        assert lavrov.roles == {"foreign", "minister", "kremlin", "envoy"}
        assert len(lavrov.positions) == 3
        clinton = names.by_surname["clinton"]
        assert clinton.roles == {"democratic", "nominee"}
        assert names.by_surname["georgia"].type == "organization"  # a place as a speaker's name
    parsed = ("Sergey Lavrov", "person", ("foreign", "minister"))
    expected = ("Sergey Lavrov", "lavrov", "person", ("foreign", "minister"), True)
    assert quotes._REGISTRATIONS[parsed] == expected
