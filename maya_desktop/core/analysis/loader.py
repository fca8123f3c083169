"""Face models, loaded offline from `resources/models/` (checksummed), once per process, lazily.

mediapipe >= 1.2 ships no models, so they are vendored (resources/models/README.md):
- `face_landmarker.task` (Google, Apache-2.0): a zip holding the BlazeFace short-range detector,
  the 478-point landmark model and the face-geometry metadata (canonical face, Procrustes weights);
- `face_detection_full_range_sparse.tflite` (from the mediapipe 0.10.14 wheel, Apache-2.0): the
  full-range BlazeFace, which finds small and strongly turned faces the short-range one misses.
Each file's SHA-256 is checked before use; a missing or different file is refused (ModelFileError,
English + Persian). Nothing is downloaded.

Three ways in:
- the detectors run through MediaPipe Tasks `FaceDetector`;
- the landmark model runs through LiteRT on a region WE compute (regions.py): the Tasks
  `FaceLandmarker` takes its region from its own detector and drops most profiles (it found 26 of 50
  side views of the dev set where the detector alone finds 49), so the engine warps the region itself
  and reads the raw model, as MediaPipe's landmark graph does;
- the Tasks `FaceLandmarker` itself (`raw_landmarker`): the engine's last resort and the benchmarks'
  reference ("the raw backbone on the same pixels").

Two landmark interpreters let a photo's pass and its mirror image's pass run at the same time on
two cores (LiteRT releases the GIL while it runs); a single background thread runs the second of a
pair, or the full-range detector while the calling thread does other work (mesh.py), or the drawn-photo
check and half of the silhouette's pixels while the calling thread does the rest (engine.py,
silhouette.py). `Models.concurrent` False runs all of it on the calling thread, in the same order and
with the same interpreters: the results are the same to the bit (tests/analysis/test_concurrency.py).
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import io
import os
import sys
import threading
import time
import types
import zipfile
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from maya_desktop.core.analysis.pixels import warp_affine
from maya_desktop.core.errors import MayaError
from maya_desktop.resources_path import resource

LANDMARKER_FILE = "face_landmarker.task"
FULL_RANGE_FILE = "face_detection_full_range_sparse.tflite"
MODEL_SHA256 = {
    LANDMARKER_FILE: "64184e229b263107bc2b804c6625db1341ff2bb731874b0bcc2fe6544e0bc9ff",
    FULL_RANGE_FILE: "2c3728e6da56f21e21a320433396fb06d40d9088f2247c05e5635a688d45dfe1",
}
LANDMARK_INPUT = 256  # the landmark model's input side (px)
DETECTION_MIN_SCORE = 0.5

_lock = threading.RLock()  # guards loading
_models: Models | None = None


class ModelFileError(MayaError):
    """A vendored model file is missing or is not the file the engine was built and checked with."""


class Roi(NamedTuple):
    """A rotated square region, normalised to the image (as MediaPipe's NormalizedRect)."""

    x_center: float
    y_center: float
    width: float  # fraction of the image width
    height: float  # fraction of the image height
    rotation: float  # radians; the region's x axis is (cos, sin) in image pixels (y down)


@dataclass
class Detection:
    """One face detection in the pixels of the image it ran on."""

    box: tuple[float, float, float, float]  # x, y, width, height
    score: float
    keypoints: np.ndarray  # (6, 2): right eye, left eye, nose tip, mouth, right ear, left ear


@dataclass
class RawFace:
    """One face of the Tasks FaceLandmarker: normalised (478, 3) points and the 4x4 facial
    transformation matrix (canonical face -> camera, centimetres)."""

    points: np.ndarray
    matrix: np.ndarray | None


@dataclass(frozen=True)
class FaceGeometry:
    """The canonical face of MediaPipe's geometry pipeline (centimetres; x toward the face's left,
    y up, z toward the viewer) and the landmark weights its Procrustes fit uses."""

    canonical: np.ndarray  # (468, 3)
    basis: np.ndarray  # landmark indices
    weights: np.ndarray


def model_path(name: str) -> Path:
    return resource("models", name)


def read_checked(name: str) -> bytes:
    """The vendored model file's bytes, refused unless its SHA-256 is the expected one."""
    path = model_path(name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ModelFileError(
            f"face model file {name} is missing ({exc.__class__.__name__}); reinstall Maya Desktop",
            f"فایل مدل چهره ({name}) پیدا نشد؛ مایا را دوباره نصب کنید",
        ) from exc
    digest = hashlib.sha256(data).hexdigest()
    if digest != MODEL_SHA256[name]:
        raise ModelFileError(
            f"face model file {name} is not the expected file (SHA-256 {digest[:16]}..., expected "
            f"{MODEL_SHA256[name][:16]}...); reinstall Maya Desktop",
            f"فایل مدل چهره ({name}) همان فایل مورد انتظار نیست (چکیده‌ی SHA-256 نمی‌خواند)؛ مایا را دوباره نصب کنید",
        )
    return data


# --- the face-geometry metadata (a small protobuf, read without its schema) ----------------------
def _varint(buf: bytes, i: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = buf[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _fields(buf: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) of a protobuf message: varints as int, the rest as raw bytes."""
    i = 0
    while i < len(buf):
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            n, i = _varint(buf, i)
            value, i = buf[i : i + n], i + n
        elif wire == 5:
            value, i = buf[i : i + 4], i + 4
        elif wire == 1:
            value, i = buf[i : i + 8], i + 8
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        yield number, value


def parse_geometry(buf: bytes) -> FaceGeometry:
    """GeometryPipelineMetadata: field 1 canonical_mesh (Mesh3d: field 3 = vertex_buffer floats,
    5 per vertex: x, y, z, u, v), field 2 procrustes_landmark_basis (landmark_id 1, weight 2)."""
    mesh = next(v for f, v in _fields(buf) if f == 1 and isinstance(v, bytes))
    floats = b"".join(v for f, v in _fields(mesh) if f == 3 and isinstance(v, bytes))
    vertices = np.frombuffer(floats, "<f4").reshape(-1, 5)[:, :3].astype(np.float64)
    ids, weights = [], []
    for f, v in _fields(buf):
        if f == 2 and isinstance(v, bytes):
            entry = dict(_fields(v))
            ids.append(int(entry.get(1, 0)))
            w = entry.get(2, b"\0\0\0\0")
            weights.append(float(np.frombuffer(w, "<f4")[0]) if isinstance(w, bytes) else 0.0)
    return FaceGeometry(vertices, np.array(ids), np.array(weights))


# --- the models ------------------------------------------------------------------------------------
class _Locked:
    """A model object and its lock: neither a Tasks graph nor a LiteRT interpreter may be called
    from two threads at once."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self.lock = threading.Lock()


class Models:
    """The face models. Construct through `get_models()`."""

    def __init__(self) -> None:
        started = time.perf_counter()
        bundle_bytes = read_checked(LANDMARKER_FILE)
        full_range = read_checked(FULL_RANGE_FILE)
        with zipfile.ZipFile(io.BytesIO(bundle_bytes)) as bundle:
            parts = {name: bundle.read(name) for name in bundle.namelist()}
        self.geometry = parse_geometry(parts["geometry_pipeline_metadata_landmarks.binarypb"])
        with _quiet_native_stderr():
            self._load(bundle_bytes, parts, full_range)
            self._warm_up()
        self.load_seconds = time.perf_counter() - started

    def _load(self, bundle_bytes: bytes, parts: dict[str, bytes], full_range: bytes) -> None:
        os.environ.setdefault("GLOG_minloglevel", "2")  # silence MediaPipe's C++ INFO chatter
        import_on_own_thread("ai_edge_litert.interpreter")
        from ai_edge_litert.interpreter import Interpreter

        BaseOptions, vision = import_mediapipe_tasks()

        def detector(model: bytes) -> _Locked:
            options = vision.FaceDetectorOptions(
                base_options=BaseOptions(model_asset_buffer=model), min_detection_confidence=DETECTION_MIN_SCORE
            )
            return _Locked(vision.FaceDetector.create_from_options(options))

        self._detect_full = detector(full_range)
        self._detect_short = detector(parts["face_detector.tflite"])
        raw = vision.FaceLandmarkerOptions(
            base_options=BaseOptions(model_asset_buffer=bundle_bytes),
            num_faces=4,
            output_facial_transformation_matrixes=True,
        )
        self._raw = _Locked(vision.FaceLandmarker.create_from_options(raw))
        landmark_model = parts["face_landmarks_detector.tflite"]
        self._landmarks: tuple[_Locked, _Locked] = tuple(  # type: ignore[assignment]
            _Locked(_interpreter(Interpreter, landmark_model)) for _ in range(2)
        )
        self._second = ThreadPoolExecutor(max_workers=1, thread_name_prefix="maya-landmarks")
        # False: everything `in_background` and `landmarks_pair` would hand to the second core runs on
        # the calling thread instead (the tests' reference; the results must not differ).
        self.concurrent = True

    def _warm_up(self) -> None:
        """One call per model on a blank image: first calls print delegate notices (inside the quiet
        window) and are slower."""
        blank = np.full((128, 128, 3), 128, np.uint8)
        self.detect_full(blank)
        self.detect_short(blank)
        self.raw_landmarker(blank)
        for graph in self._landmarks:
            _run_landmarks(graph, blank, Roi(0.5, 0.5, 0.8, 0.8, 0.0))

    def close(self) -> None:
        """Release the MediaPipe tasks while the interpreter is whole: left to their ``__del__`` at exit they
        print "Exception ignored ... 'NoneType' object is not callable" on stderr."""
        for task in (self._detect_full, self._detect_short, self._raw):
            with contextlib.suppress(Exception), task.lock:
                task.model.close()
        self._second.shutdown(wait=False)

    def detect_full(self, rgb: np.ndarray) -> list[Detection]:
        return _detect(self._detect_full, rgb)

    def detect_short(self, rgb: np.ndarray) -> list[Detection]:
        return _detect(self._detect_short, rgb)

    def raw_landmarker(self, rgb: np.ndarray) -> list[RawFace]:
        """The Tasks FaceLandmarker on the whole image (its own detector): normalised points."""
        with self._raw.lock:
            result = self._raw.model.detect(_mp_image(rgb))
        matrices = list(result.facial_transformation_matrixes or [])
        faces = []
        for i, face in enumerate(result.face_landmarks):
            pts = np.array([(p.x, p.y, p.z) for p in face], dtype=np.float64)
            faces.append(RawFace(pts, np.asarray(matrices[i], dtype=np.float64) if i < len(matrices) else None))
        return faces

    def in_background(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run `fn(*args)` on the second core (at once on this thread when not `concurrent`). `fn` must
        not itself wait for `in_background` work: there is one background thread."""
        if self.concurrent:
            return self._second.submit(fn, *args)
        done: Future[Any] = Future()
        try:
            done.set_result(fn(*args))
        except BaseException as exc:  # delivered by result(), as the pool does
            done.set_exception(exc)
        return done

    def landmarks(self, rgb: np.ndarray, roi: Roi) -> tuple[np.ndarray, float]:
        """478 normalised landmarks (z scaled like x) in one region of `rgb`, and the model's own
        face-presence score (0-1) for the region."""
        return _run_landmarks(self._landmarks[0], rgb, roi)

    def landmarks_pair(
        self, first: tuple[np.ndarray, Roi], second: tuple[np.ndarray, Roi]
    ) -> tuple[tuple[np.ndarray, float], tuple[np.ndarray, float]]:
        """`landmarks` of two (image, region) pairs, computed at the same time on two cores."""
        if not self.concurrent:
            return _run_landmarks(self._landmarks[0], *first), _run_landmarks(self._landmarks[1], *second)
        later = self._second.submit(_run_landmarks, self._landmarks[1], *second)
        return _run_landmarks(self._landmarks[0], *first), later.result()


# MediaPipe's package imports all its tasks, and its vision package imports the drawing utilities, which
# import cv2 and matplotlib.pyplot (about 100 MB of the bundle and half a second at start). The engine never
# draws with MediaPipe: while MediaPipe is first imported, these two modules are empty placeholders (any use
# raises AttributeError naming them), so neither OpenCV nor matplotlib is loaded or needed.
_NOT_LOADED = ("mediapipe.tasks.python.vision.drawing_utils", "mediapipe.tasks.python.vision.drawing_styles")
_import_lock = threading.Lock()


class _Placeholder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
    """Finds the modules in _NOT_LOADED and loads each as an empty placeholder."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        return importlib.util.spec_from_loader(fullname, self) if fullname in _NOT_LOADED else None

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None  # the default module object

    def exec_module(self, module: types.ModuleType) -> None:
        name = module.__name__

        def missing(attr: str) -> Any:
            raise AttributeError(f"{name}.{attr}: MediaPipe's drawing utilities are not loaded by Maya Desktop")

        module.__getattr__ = missing  # type: ignore[method-assign]


def import_on_own_thread(module: str) -> None:
    """Import `module` on a short-lived thread of its own. Something in MediaPipe's import keeps a traceback
    (and with it every frame of the importing stack) for the life of the process; imported from the first
    analysis, that stack held the caller's frames: the photo's bytes being imported (found by the
    workstation memory scan). On a fresh thread the kept frames are only the import's own."""
    failures: list[BaseException] = []

    def run() -> None:
        try:
            importlib.import_module(module)
        except BaseException as exc:  # re-raised in the caller
            failures.append(exc)

    thread = threading.Thread(target=run, name="maya-import")
    thread.start()
    thread.join()
    if failures:
        raise failures[0]


def import_mediapipe_tasks() -> tuple[Any, Any]:
    """`mediapipe.tasks.python.BaseOptions` and `mediapipe.tasks.python.vision`, imported without
    MediaPipe's drawing utilities (see _NOT_LOADED); a MediaPipe imported earlier is used as it is."""
    with _import_lock:
        if "mediapipe.tasks.python.vision" not in sys.modules:
            finder = _Placeholder()
            sys.meta_path.insert(0, finder)
            try:
                import_on_own_thread("mediapipe.tasks.python.vision")
            finally:
                sys.meta_path.remove(finder)
    from mediapipe.tasks.python import BaseOptions, vision

    return BaseOptions, vision


def _interpreter(cls: Any, model: bytes) -> Any:
    interpreter = cls(model_content=model, num_threads=1)
    interpreter.allocate_tensors()
    return interpreter


def _aligned_copy(rgb: np.ndarray, alignment: int = 64) -> np.ndarray:
    """A C-contiguous copy whose data starts on an `alignment`-byte boundary. MediaPipe's LiteRT runner
    prints "Input tensor memory is not aligned" on stderr (now and then, as the allocator falls) when
    handed a buffer that is not; the CLI promises a quiet stderr."""
    raw = np.empty(rgb.nbytes + alignment, dtype=np.uint8)
    offset = (-raw.ctypes.data) % alignment
    out = raw[offset : offset + rgb.nbytes].view(rgb.dtype).reshape(rgb.shape)
    out[...] = rgb
    return out


def _mp_image(rgb: np.ndarray) -> Any:
    import mediapipe as mp

    return mp.Image(image_format=mp.ImageFormat.SRGB, data=_aligned_copy(rgb))


def _detect(detector: _Locked, rgb: np.ndarray) -> list[Detection]:
    h, w = rgb.shape[:2]
    with detector.lock:
        found = detector.model.detect(_mp_image(rgb)).detections
    out = []
    for d in found:
        b = d.bounding_box
        kps = np.array([(k.x * w, k.y * h) for k in d.keypoints], dtype=np.float64).reshape(-1, 2)
        score = float(d.categories[0].score) if d.categories else 0.0
        out.append(Detection((float(b.origin_x), float(b.origin_y), float(b.width), float(b.height)), score, kps))
    return out


def roi_affine(roi: Roi, w: int, h: int, side: int = LANDMARK_INPUT) -> np.ndarray:
    """2x3 affine map from the model's input pixels (side x side) to image pixels, by MediaPipe's
    region rule (LandmarkProjectionCalculator): centre + region side x rotation x (u - 0.5, v - 0.5)."""
    cos, sin = np.cos(roi.rotation), np.sin(roi.rotation)
    rw, rh = roi.width * w, roi.height * h
    a = np.array([[cos * rw / side, -sin * rh / side], [sin * rw / side, cos * rh / side]])
    centre = np.array([roi.x_center * w, roi.y_center * h])
    return np.hstack([a, (centre - a @ (side / 2, side / 2))[:, None]])


def _run_landmarks(graph: _Locked, rgb: np.ndarray, roi: Roi) -> tuple[np.ndarray, float]:
    h, w = rgb.shape[:2]
    affine = roi_affine(roi, w, h)
    tensor = warp_affine(rgb, affine, (LANDMARK_INPUT, LANDMARK_INPUT))  # black beyond the image
    interp = graph.model
    with graph.lock:
        interp.set_tensor(interp.get_input_details()[0]["index"], (tensor.astype(np.float32) / 255.0)[None])
        interp.invoke()
        outputs = {d["name"]: interp.get_tensor(d["index"]) for d in interp.get_output_details()}
    presence = 1.0 / (1.0 + np.exp(-float(outputs["Identity_1"].reshape(-1)[0])))
    raw = outputs["Identity"].reshape(-1, 3).astype(np.float64)
    xy = raw[:, :2] @ affine[:, :2].T + affine[:, 2]
    z = raw[:, 2] * roi.width * w / LANDMARK_INPUT  # image pixels, as x
    return np.column_stack([xy[:, 0] / w, xy[:, 1] / h, z / w]), float(presence)


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Send file descriptor 2 to /dev/null while the models load and warm up.

    MediaPipe's C++ and LiteRT write notices (XNNPACK delegate created, LiteRT environment) straight
    to fd 2, past Python; they would clutter `maya-desktop analyze` and say nothing to clinic staff.
    Best effort: only this load window is silenced; when fd 2 cannot be duplicated (closed, as under
    pythonw) nothing is redirected and loading goes on.
    """
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.flush()
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def get_models() -> Models:
    """The process-wide models, loading them on first use (about one second on a 2-core CPU)."""
    global _models
    if _models is None:
        with _lock:
            if _models is None:
                _models = Models()
                atexit.register(_models.close)
    return _models


def models_loaded() -> bool:
    return _models is not None
