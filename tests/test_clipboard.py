"""The copy helper with fakes for both ways: which way it takes, and what it says."""

from __future__ import annotations

import pyperclip
import pytest

from tui.clipboard import CopyWay, copy_text

LINK = "https://arxiv.org/abs/2506.00001"
DESKTOP = {"DISPLAY": ":0"}


class Recorder:
    """A fake copy function that keeps what it was given, or fails."""

    def __init__(self, error: Exception | None = None) -> None:
        self.copied: list[str] = []
        self.error = error

    def __call__(self, text: str) -> None:
        if self.error is not None:
            raise self.error
        self.copied.append(text)


def test_the_desktop_clipboard_comes_first() -> None:
    system, osc52 = Recorder(), Recorder()
    result = copy_text(LINK, osc52=osc52, system_copy=system, environ=DESKTOP)
    assert result.way is CopyWay.SYSTEM
    assert (system.copied, osc52.copied) == ([LINK], [])
    assert result.notice == f"Copied to the clipboard: {LINK}"


@pytest.mark.parametrize(
    ("environ", "platform", "reason"),
    [
        pytest.param({}, "linux", "no display", id="linux-without-display"),
        pytest.param(
            {"DISPLAY": ":0", "SSH_CONNECTION": "10.0.0.1 22 10.0.0.2 22"},
            "linux",
            "over SSH",
            id="ssh-with-forwarded-x",
        ),
        pytest.param({"SSH_TTY": "/dev/pts/1"}, "darwin", "over SSH", id="ssh-mac"),
    ],
)
def test_osc52_when_the_desktop_clipboard_cannot_reach_the_user(
    environ: dict[str, str], platform: str, reason: str
) -> None:
    system, osc52 = Recorder(), Recorder()
    result = copy_text(
        LINK, osc52=osc52, system_copy=system, environ=environ, platform=platform
    )
    assert result.way is CopyWay.TERMINAL
    assert (system.copied, osc52.copied) == ([], [LINK])
    assert reason in result.notice
    assert "OSC 52" in result.notice
    assert LINK in result.notice


@pytest.mark.parametrize(
    ("platform", "environ"),
    [
        pytest.param("linux", {"WAYLAND_DISPLAY": "wayland-0"}, id="wayland"),
        pytest.param("darwin", {}, id="mac-needs-no-display"),
        pytest.param("win32", {}, id="windows-needs-no-display"),
    ],
)
def test_the_desktop_clipboard_where_one_is_reachable(
    platform: str, environ: dict[str, str]
) -> None:
    system, osc52 = Recorder(), Recorder()
    result = copy_text(
        LINK, osc52=osc52, system_copy=system, environ=environ, platform=platform
    )
    assert result.way is CopyWay.SYSTEM
    assert system.copied == [LINK]


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        pytest.param(
            pyperclip.PyperclipException("no copy/paste mechanism"),
            "no clipboard program",
            id="no-mechanism",
        ),
        pytest.param(
            OSError("xclip: broken pipe"), "xclip: broken pipe", id="helper-fails"
        ),
    ],
)
def test_osc52_when_the_desktop_clipboard_fails(error: Exception, reason: str) -> None:
    osc52 = Recorder()
    result = copy_text(LINK, osc52=osc52, system_copy=Recorder(error), environ=DESKTOP)
    assert result.way is CopyWay.TERMINAL
    assert osc52.copied == [LINK]
    assert reason in result.notice
    assert LINK in result.notice


def test_both_ways_failing_still_shows_the_link() -> None:
    result = copy_text(
        LINK,
        osc52=Recorder(RuntimeError("no terminal")),
        system_copy=Recorder(pyperclip.PyperclipException("none")),
        environ=DESKTOP,
    )
    assert result.way is CopyWay.NOWHERE
    assert "no terminal" in result.notice
    assert result.notice.endswith(f"copy it by hand: {LINK}")


def test_pyperclip_is_the_default_desktop_clipboard(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    system = Recorder()
    monkeypatch.setattr(pyperclip, "copy", system)
    copy_text(LINK, osc52=Recorder(), environ=DESKTOP, platform="linux")
    assert system.copied == [LINK]
