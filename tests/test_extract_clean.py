"""clean_body: boilerplate and reader-comment removal."""

from __future__ import annotations

from index.extract.clean import clean_body


def _seed(sample_archive, prefix: str) -> tuple[str, str]:
    path = next(sample_archive.glob(f"{prefix}_*.txt"))
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    return title, body


def test_comment_marker_drops_everything_after():
    first = "First paragraph of the story, long enough to count as prose for the cleaner."
    text = first + "\n\nNotify of\nGreat article!\n"
    assert clean_body(text) == first


def test_boilerplate_lines_dropped_paragraphs_kept():
    text = (
        "Para one.\n\n- Advertisement -\n\nPara two.\nSubscribe to our newsletter\n"
        "Share this article\nSergey Lavrov. Image: Pavel Golovkin/AP\n\nPara three."
    )
    assert clean_body(text) == "Para one.\n\nPara two.\n\nPara three."


def test_support_line_only_when_it_looks_like_a_prompt():
    assert clean_body("Support SouthFront\n\nBody text.") == "Body text."
    assert (
        clean_body("Support for the bill grew.\n\nBody text.") == "Support for the bill grew.\n\nBody text."
    )


def test_repeated_headline_and_related_block():
    body = "Headline Here\n\nStory text " + "x" * 100 + "\n\nMore text.\n\nRelated articles:\nOther story"
    assert clean_body(body, title="Headline Here") == "Story text " + "x" * 100 + "\n\nMore text."


def test_seed_000_reader_comments_removed(sample_archive):
    title, body = _seed(sample_archive, "000")
    cleaned = clean_body(body, title)
    assert "Well I take my hat off to Russia" not in cleaned
    assert "Support SouthFront" not in cleaned
    assert "Image: Pavel Golovkin" not in cleaned
    assert "More on this topic" not in cleaned
    assert title not in cleaned
    assert cleaned.startswith("Russia is still committed to its agreement with Turkey")
    assert cleaned.endswith("a more effective approach should be developed.")


def test_seed_002_and_004_newsletter_and_ads(sample_archive):
    for prefix in ("002", "004"):
        title, body = _seed(sample_archive, prefix)
        cleaned = clean_body(body, title)
        for junk in (
            "Subscribe to our newsletter",
            "Sign up here",
            "Notify of",
            "Inline Feedbacks",
            "View all comments",
            "Would love your thoughts",
            "- Advertisement -",
        ):
            assert junk not in cleaned
        assert cleaned.startswith("MOSCOW – ")


def test_floating_furniture_patterns_on_ascii_and_other_lines():
    """The newsletter and cookie patterns, which match anywhere in a line, are tried apart from the
    others and skipped on ASCII lines without "newsletter" or "cookie": each case still decides."""
    kept = "Body text of the story."
    for line in (
        "Get the best stories in our free daily Newsletter",  # newsletter after up to 40 characters
        "This site uses cookies to improve your browsing experience",
        "Diese Seite: wir nutzen Cookies, um Ihre Erfahrung (experience) zu verbessern – accept",
        "Daily new\u017fletter",  # non-ASCII: the long s matches s under IGNORECASE, not in lower()
        "We use coo\u212aies to improve your experience",  # the Kelvin sign matches k
    ):
        assert clean_body(f"{line}\n\n{kept}") == kept, line
    for line in (
        "A newsletter went out to" + " members" * 12,  # more than 60 characters after the word
        "She baked cookies for the team.",  # no consent word after "cookies"
        "The \u212aelvin scale is used here.",
    ):
        assert clean_body(f"{line}\n\n{kept}") == f"{line}\n\n{kept}", line


def test_long_lines_are_compared_with_the_title_and_each_other_as_before():
    """clean_body folds (casefold) only the lines that can be the title or short furniture: a long
    title repeated in another case is still dropped, a long line repeated is kept twice."""
    title = "A Long Headline" + " Word" * 50
    prose = "Prose" + " prose" * 40
    body = f"{title.upper()}...\n\n{prose}\n\n{prose}\n\nStraße " + "x" * 200
    assert clean_body(body, title=title) == f"{prose}\n\n{prose}\n\nStraße " + "x" * 200
    # casefold never shortens a text, nor turns a character other than "." into one ending with ".":
    # what lets clean_body skip folding a line longer than 200 characters or than the title
    for c in range(0x110000):
        folded = chr(c).casefold()
        assert len(folded) >= 1 and (c == 0x2E or not folded.endswith("."))
