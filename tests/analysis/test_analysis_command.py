"""`maya-desktop analyze` exit codes and outputs."""

from __future__ import annotations

import json
from pathlib import Path

from maya_desktop import cli
from tests.conftest import FACES


def test_analyze_ok_table(capsys) -> None:
    assert cli.main(["analyze", str(FACES / "obama.jpg")]) == 0
    out = capsys.readouterr().out
    assert "view=frontal" in out and "Nasal width / face width" in out and "Upper facial third" in out
    assert "nasal_face_width_ratio" not in out and "upper_third_pct" not in out  # labels, not internal keys


def test_analyze_table_says_not_measurable_in_words(capsys) -> None:
    """The side photo's points are not all confident: the table says so in words, not with the JSON's key."""
    assert cli.main(["analyze", str(FACES / "profile_left_cameraman.jpg")]) == 0
    out = capsys.readouterr().out
    assert "Nasolabial angle" in out and "not measurable" in out and "not_measurable" not in out


def test_analyze_refused_exit_2_and_the_reason_printed_once(capsys) -> None:
    assert cli.main(["analyze", str(FACES / "obama.jpg"), str(FACES / "group_collage.jpg")]) == 2
    out, err = capsys.readouterr()
    assert (out + err).count("More than one face") == 1 and "More than one face" in err


def test_analyze_json_and_overlays(tmp_path: Path, capsys) -> None:
    out_png = tmp_path / "ov.png"
    code = cli.main(
        [
            "analyze",
            "--json",
            "--overlay",
            str(out_png),
            "--view",
            "frontal",
            str(FACES / "grace_hopper.jpg"),
            str(FACES / "profile_left_cameraman.jpg"),
        ]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert [d["view"] for d in data] == ["frontal", "left_profile"]
    assert any(f["code"] == "view_mismatch" for f in data[1]["findings"])
    assert (tmp_path / "ov-1.png").exists() and (tmp_path / "ov-2.png").exists()


def test_analyze_missing_file(tmp_path: Path) -> None:
    assert cli.main(["analyze", str(tmp_path / "nope.jpg")]) == 2


def test_analyze_stderr_has_no_mediapipe_chatter(tmp_path: Path) -> None:
    """A fresh process: MediaPipe's native notices (TFLite delegate, absl, feedback manager) and the
    protobuf deprecation warning must not reach the person running the command."""
    import subprocess  # nosec B404: runs our own CLI with a fixed argument list
    import sys

    proc = subprocess.run(  # nosec B603
        [sys.executable, "-m", "maya_desktop", "analyze", str(FACES / "obama.jpg"), str(FACES / "group_collage.jpg")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 2, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert lines and all(ln.startswith("refused:") for ln in lines), lines
