"""ccdesk's folders, catalog and instance key when they go wrong: a LocalFileError naming the file."""

from __future__ import annotations

import errno
import os
import stat
import sys
from pathlib import Path
from typing import Any

import pytest

from ccdesk.core.codes import load_catalog
from ccdesk.core.instance import InstanceServer, hand_off
from ccdesk.core.local_files import LocalFileError
from ccdesk.core.paths import app_dirs

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX modes")


def refuse_mkdir(monkeypatch: pytest.MonkeyPatch, code: int) -> None:
    """A folder that cannot be written (as root, chmod stops nothing, so the refusal is simulated)."""

    def mkdir(self: Path, mode: int = 0o777, parents: bool = False, exist_ok: bool = False) -> None:
        raise OSError(code, os.strerror(code), str(self))

    monkeypatch.setattr(Path, "mkdir", mkdir)


def deny_reading(monkeypatch: pytest.MonkeyPatch, denied: Path) -> None:
    """A file this user may not read (simulated: root reads anything)."""
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == denied:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


@posix_only
def test_folders_ccdesk_makes_are_private_and_others_are_left_alone(tmp_path: Path) -> None:
    mine = tmp_path / "theirs"
    mine.mkdir(mode=0o755)
    os.chmod(mine, 0o755)
    dirs = app_dirs(mine / "new" / "home").ensure()
    for folder in (mine / "new", mine / "new" / "home", dirs.config, dirs.data, dirs.logs):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    assert stat.S_IMODE(mine.stat().st_mode) == 0o755
    assert dirs.ensure() == dirs  # a second run is harmless


@pytest.mark.parametrize(
    ("code", "problem"),
    [
        (errno.EROFS, "the disk is read-only"),
        (errno.EACCES, "permission denied"),
        (errno.ENOSPC, "disk is full"),
    ],
)
def test_a_folder_that_cannot_be_made_is_named_with_the_way_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, problem: str
) -> None:
    refuse_mkdir(monkeypatch, code)
    with pytest.raises(LocalFileError, match=problem) as caught:
        app_dirs(tmp_path / "home").ensure()
    assert caught.value.path == tmp_path / "home" / "config"
    assert "--home" in caught.value.remedy


def test_a_file_where_a_folder_should_be_is_named(tmp_path: Path) -> None:
    (tmp_path / "home").write_text("not a folder", encoding="utf-8")
    with pytest.raises(LocalFileError) as caught:
        app_dirs(tmp_path / "home").ensure()
    assert f"{tmp_path / 'home'} is a file, not a folder" in str(caught.value)
    assert f"Move or rename {tmp_path / 'home'}" in caught.value.remedy
    with pytest.raises(LocalFileError, match="is a file, not a folder"):
        app_dirs(tmp_path / "home" / "below").ensure()


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b'{"lists": [', "is not valid JSON"), (b"\xff\xfe", "not UTF-8"), (None, "is missing")],
)
def test_a_broken_catalog_file_is_named(tmp_path: Path, content: bytes | None, problem: str) -> None:
    path = tmp_path / "codes.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(LocalFileError, match=problem) as caught:
        load_catalog(path)
    assert caught.value.path == path and "transaction-code catalog" in str(caught.value)


def test_a_catalog_that_is_a_folder_or_unreadable_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(LocalFileError, match="is a folder"):
        load_catalog(tmp_path / "folder.json")
    denied = tmp_path / "denied.json"
    denied.write_text('{"lists": []}', encoding="utf-8")
    deny_reading(monkeypatch, denied)
    with pytest.raises(LocalFileError, match="permission denied"):
        load_catalog(denied)


def test_a_broken_instance_key_means_no_links_but_a_normal_start(tmp_path: Path) -> None:
    data = app_dirs(tmp_path / "home").ensure().data
    received: list[str] = []
    server = InstanceServer(data, received.append)
    try:
        assert hand_off(data, "show") and received == ["show"]
        key = data / "instance.key"
        key.unlink()
        key.mkdir()  # the key replaced by a folder while the window runs
        assert not hand_off(data, "tel:+16175551984")  # the second launch starts normally
        assert received == ["show"]
    finally:
        server.stop()
    with pytest.raises(LocalFileError, match="is a folder") as caught:
        InstanceServer(data, received.append)
    assert caught.value.path == data / "instance.key"
    assert "Links and files opened from other launches" in caught.value.remedy


@pytest.mark.parametrize(
    ("call", "code"), [("open", errno.EROFS), ("open", errno.EACCES), ("fdopen", errno.ENOSPC)]
)
def test_an_instance_key_that_cannot_be_written_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int
) -> None:
    data = app_dirs(tmp_path / "home").ensure().data
    real = getattr(os, call)

    def refuse(*args: Any, **kwargs: Any) -> Any:
        if call == "open" and Path(args[0]).name == "instance.key":
            raise OSError(code, os.strerror(code), str(args[0]))
        if call == "fdopen":  # the key file is created, then the disk is full
            os.close(args[0])
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, call, refuse)
    with pytest.raises(LocalFileError) as caught:
        InstanceServer(data, lambda message: None)
    assert caught.value.path == data / "instance.key"
    assert not (data / "instance.key").exists()  # no empty key left to be read as a wrong one
