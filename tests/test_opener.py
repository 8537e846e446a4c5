"""Opening links: a browser where there is one, the link shown where there isn't."""

from __future__ import annotations

from tui.opener import open_link

URL = "https://arxiv.org/abs/2502.02737"
DESKTOP = {"DISPLAY": ":0"}


def test_opens_in_the_browser_on_a_desktop() -> None:
    opened: list[str] = []
    notice = open_link(
        URL,
        opener=lambda url: opened.append(url) or True,
        environ=DESKTOP,
        platform="linux",
    )
    assert opened == [URL]
    assert notice == f"Opened {URL}"


def test_over_ssh_or_without_a_display_it_says_so_and_shows_the_link() -> None:
    def never(url: str) -> bool:
        raise AssertionError("no browser may be started")

    ssh = open_link(URL, opener=never, environ={"SSH_TTY": "/dev/pts/1", **DESKTOP})
    assert "SSH session" in ssh and URL in ssh
    bare = open_link(URL, opener=never, environ={}, platform="linux")
    assert "no display" in bare and URL in bare


def test_a_failing_or_missing_browser_is_reported_not_raised() -> None:
    def broken(url: str) -> bool:
        raise OSError("exec failed")

    assert "exec failed" in open_link(URL, opener=broken, environ=DESKTOP)
    assert "No browser was found" in open_link(
        URL, opener=lambda url: False, environ=DESKTOP
    )
