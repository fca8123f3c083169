"""The analysis engine in a helper process, so that loading it never stalls the GUI.

Importing numpy/MediaPipe and loading the models is seconds of C code that holds Python's GIL:
run on a worker thread it still froze the GUI thread for 100-180 ms at a time on the first import. The
helper is a child process (`python -m maya_desktop.core.analysis_helper`) that loads the engine once and
answers over its stdin/stdout pipes. An import sends the photo file's bytes and gets back what
`core.photos.prepare_photo` makes of them (the cleaned JPEG, its thumbnail, size, orientation and the
analysis as JSON): the decode, thumbnail and analysis glue are Python-heavy and, run on the app's database
thread, kept the GUI thread waiting for the GIL (its longest stalls during an import, 30-90 ms). `analyze`
takes already decoded RGB pixels instead. Nothing is written to disk (pipes only), and the child ends with
its pipe.

When the helper cannot run (a frozen build, a failed start, a crash) `prepare` and `analyze` fall back to
this process, so an import never fails because of it; a file the helper refuses raises the same
ValidationError as in this process.
"""

from __future__ import annotations

import contextlib
import json
import os
import struct
import subprocess  # nosec B404 - starts only our own helper module (fixed argv, no shell)
import sys
import threading
from typing import IO, Any

from PIL import Image

from maya_desktop.core.errors import ValidationError
from maya_desktop.core.photos import PreparedPhoto

_HEADER = struct.Struct(">II")  # JSON length, pixel bytes length


def _write_frame(stream: IO[bytes], meta: dict[str, Any], payload: bytes = b"") -> None:
    text = json.dumps(meta, ensure_ascii=False).encode()
    stream.write(_HEADER.pack(len(text), len(payload)))
    stream.write(text)
    stream.write(payload)
    stream.flush()


def _read_exact(stream: IO[bytes], size: int) -> bytes:
    chunks, left = [], size
    while left:
        chunk = stream.read(left)
        if not chunk:
            raise EOFError("analysis helper pipe closed")
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _read_frame(stream: IO[bytes]) -> tuple[dict[str, Any], bytes]:
    meta_len, payload_len = _HEADER.unpack(_read_exact(stream, _HEADER.size))
    meta = json.loads(_read_exact(stream, meta_len))
    return meta, _read_exact(stream, payload_len)


class HelperAnalyzer:
    """`analyze(img, declared_view)` with the same answer as `core.photos.analyze`, computed in the helper."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._proc: subprocess.Popen[bytes] | None = None
        self.disabled = bool(getattr(sys, "frozen", False))  # no `python -m` inside a frozen build

    def start(self) -> None:
        """Start the helper now (it loads the engine while the person is still choosing photos)."""
        with self._lock:
            self._ensure_started()

    def _ensure_started(self) -> subprocess.Popen[bytes] | None:
        if self.disabled:
            return None
        if self._proc is not None and self._proc.poll() is None:
            return self._proc
        try:
            self._proc = subprocess.Popen(  # our own module, no shell  # nosec B603
                [sys.executable, "-m", "maya_desktop.core.analysis_helper"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.disabled = True
            return None
        return self._proc

    def analyze(self, img: Image.Image, declared_view: str | None = None) -> dict[str, Any] | None:
        from maya_desktop.core.photos import analyze

        rgb = img if img.mode == "RGB" else img.convert("RGB")
        with self._lock:
            proc = self._ensure_started()
            if proc is not None and proc.stdin is not None and proc.stdout is not None:
                try:
                    _write_frame(proc.stdin, {"size": list(rgb.size), "view": declared_view}, rgb.tobytes())
                    answer, _ = _read_frame(proc.stdout)
                except (OSError, EOFError, ValueError, struct.error):  # a dead or confused helper
                    self._stop_locked()
                else:
                    if not answer.get("ok"):  # an unknown view name, raised as the engine raises it
                        raise ValueError(answer.get("detail", "bad argument"))
                    return answer.get("analysis")
        return analyze(rgb, declared_view)  # the helper is unavailable: same answer, in this process

    def prepare(self, data: bytes, declared_view: str | None = None, run_analysis: bool = True) -> PreparedPhoto:
        """`core.photos.prepare_photo(data, declared_view, run_analysis=...)`, computed in the helper."""
        from maya_desktop.core.photos import prepare_photo

        with self._lock:
            proc = self._ensure_started()
            if proc is not None and proc.stdin is not None and proc.stdout is not None:
                try:
                    _write_frame(proc.stdin, {"op": "prepare", "view": declared_view, "analysis": run_analysis}, data)
                    answer, payload = _read_frame(proc.stdout)
                except (OSError, EOFError, ValueError, struct.error):  # a dead or confused helper
                    self._stop_locked()
                else:
                    return _prepared_from(answer, payload)
        return prepare_photo(data, declared_view, run_analysis=run_analysis)  # no helper: the same, here

    def close(self) -> None:
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> None:
        proc, self._proc = self._proc, None
        if proc is None:
            return
        for stream in (proc.stdin, proc.stdout):
            if stream is not None:
                stream.close()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _prepared_from(answer: dict[str, Any], payload: bytes) -> PreparedPhoto:
    if not answer.get("ok"):
        if answer.get("error") == "ValidationError":  # a bad file: refused as in this process
            raise ValidationError(str(answer.get("en")), str(answer.get("fa")), answer.get("field"))
        raise ValueError(answer.get("detail", "bad argument"))
    size = int(answer["jpeg"])
    return PreparedPhoto(
        payload[:size],
        payload[size:],
        int(answer["width"]),
        int(answer["height"]),
        int(answer["orientation"]),
        answer.get("analysis"),
    )


def _serve_prepare(out: IO[bytes], meta: dict[str, Any], data: bytes) -> None:
    from maya_desktop.core.photos import prepare_photo

    try:
        done = prepare_photo(data, meta.get("view"), run_analysis=bool(meta.get("analysis", True)))
    except ValidationError as exc:
        refusal = {"error": "ValidationError", "en": exc.message_en, "fa": exc.message_fa, "field": exc.field}
        _write_frame(out, {"ok": False, **refusal})
        return
    answer: dict[str, Any] = {"ok": True, "jpeg": len(done.jpeg), "width": done.width, "height": done.height}
    answer |= {"orientation": done.stored_orientation, "analysis": done.analysis}
    _write_frame(out, answer, done.jpeg + done.thumb_jpeg)


_SHARED: HelperAnalyzer | None = None
_SHARED_LOCK = threading.Lock()


def shared_analyzer() -> HelperAnalyzer:
    """One helper per app (its models stay loaded between imports)."""
    global _SHARED
    with _SHARED_LOCK:
        if _SHARED is None:
            _SHARED = HelperAnalyzer()
        return _SHARED


def serve(inp: IO[bytes], out: IO[bytes]) -> None:
    """The helper's loop: one frame in, one frame out, until the pipe closes."""
    from maya_desktop.core.photos import analyze

    # Load the engine and its face detector before the first photo arrives; a warm-up only: the real call
    # reports its own problems.
    with contextlib.suppress(Exception):
        analyze(Image.new("RGB", (256, 256), (128, 128, 128)))
    while True:
        try:
            meta, pixels = _read_frame(inp)
        except EOFError:
            return
        try:
            if meta.get("op") == "prepare":
                _serve_prepare(out, meta, pixels)
                continue
            img = Image.frombytes("RGB", tuple(meta["size"]), pixels)
            _write_frame(out, {"ok": True, "analysis": analyze(img, meta.get("view"))})
        except ValueError as exc:  # an unknown view name: the caller raises it as the engine would
            _write_frame(out, {"ok": False, "error": "ValueError", "detail": str(exc)[:200]})


HELPER_NICE = 10  # below the app (0): when both want a core, the GUI thread gets it first


def main() -> None:
    # Background work at a lower CPU priority: on a busy machine the GUI thread otherwise waited in the run queue
    # behind the helper's decode and analysis (its longest stalls during an import were such waits, 30-50 ms).
    # It only yields to busier processes: on an idle core the helper runs at full speed.
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(HELPER_NICE)
    protocol_out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything a library prints goes to stderr, never into the protocol
    serve(sys.stdin.buffer, protocol_out)


if __name__ == "__main__":
    main()
