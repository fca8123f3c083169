"""MediaPipe models, loaded offline from the mediapipe==0.10.14 wheel, once per process, lazily.

A MediaPipe graph is not safe to call from two threads at once, so each graph has its own lock
(the GUI analyses in a worker thread; the CLI is single-threaded). Landmark graphs come in pairs
so a photo's pass and its mirror image's pass run at the same time: MediaPipe releases the GIL
while a graph runs and each model uses one core, so on a 2-core machine the pair costs ~1.4x one
pass instead of 2x. A single background thread runs the second of a pair, or the full-range
detector while the calling thread does other work (mesh.py).

`LANDMARK_GRAPH` feeds the landmark model (`FaceLandmarkCpu`: the subgraph Face Mesh runs, with or
without the iris/lips attention model) a region of interest we compute ourselves (regions.py),
instead of Face Mesh running its own short-range detector first.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
import time
import warnings
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, NamedTuple

import numpy as np

# MediaPipe 0.10.14's output conversion calls a protobuf API that protobuf 4.25+ marks deprecated, once
# per process call; the notice is about MediaPipe's code, not ours, and no newer MediaPipe ships models.
warnings.filterwarnings("ignore", message=r"SymbolDatabase\.GetPrototype\(\) is deprecated", category=UserWarning)

_lock = threading.RLock()  # guards loading
_models: Models | None = None

LANDMARK_GRAPH = """
input_stream: "IMAGE:image"
input_stream: "ROI:roi"
output_stream: "LANDMARKS:landmarks"
node {
  calculator: "FaceLandmarkCpu"
  input_stream: "IMAGE:image"
  input_stream: "ROI:roi"
  input_side_packet: "WITH_ATTENTION:with_attention"
  output_stream: "LANDMARKS:landmarks"
}
"""


class Roi(NamedTuple):
    """A rotated square region, normalised to the image (as MediaPipe's NormalizedRect)."""

    x_center: float
    y_center: float
    width: float  # fraction of the image width
    height: float  # fraction of the image height
    rotation: float  # radians, counter-clockwise positive in MediaPipe's convention


class _Graph:
    """One MediaPipe solution graph, its lock, and a lean call.

    `SolutionBase.process` builds a new namedtuple class on every call (~0.3 ms, a tenth of a
    detector call); `run` feeds and reads the graph the same way without it, through the solution's
    own graph and stream-type tables (mediapipe is pinned to 0.10.14; tests/analysis exercise every
    graph). Outputs are converted as `process` converts them; a stream with no output is None.
    """

    def __init__(self, solution: Any) -> None:
        self.solution = solution
        self.lock = threading.Lock()

    def run(self, inputs: dict[str, Any]) -> dict[str, Any]:
        from mediapipe.python import packet_creator
        from mediapipe.python._framework_bindings import image_frame
        from mediapipe.python.solution_base import PacketDataType

        sb = self.solution
        with self.lock:
            sb._graph_outputs.clear()
            sb._simulated_timestamp += 33333
            for name, data in inputs.items():
                kind = sb._input_stream_type_info[name]
                if kind == PacketDataType.IMAGE:
                    packet = packet_creator.create_image(data, image_format=image_frame.ImageFormat.SRGB)
                elif kind == PacketDataType.IMAGE_FRAME:
                    packet = packet_creator.create_image_frame(data, image_format=image_frame.ImageFormat.SRGB)
                else:
                    packet = packet_creator.create_proto(data)
                sb._graph.add_packet_to_input_stream(stream=name, packet=packet.at(sb._simulated_timestamp))
            sb._graph.wait_until_idle()
            types = sb._output_stream_type_info
            return {name: sb._get_packet_content(types[name], p) for name, p in sb._graph_outputs.items()}


def _landmark_graph(with_attention: bool = True) -> Any:
    from google.protobuf import text_format
    from mediapipe.framework import calculator_pb2
    from mediapipe.python.solution_base import SolutionBase

    config = text_format.Parse(LANDMARK_GRAPH, calculator_pb2.CalculatorGraphConfig())
    return SolutionBase(graph_config=config, side_inputs={"with_attention": with_attention}, outputs=["landmarks"])


class Models:
    """The graphs the engine uses: two face detectors, Face Mesh (fallback and the benchmark's
    reference), selfie segmentation, and region-fed landmark models (two with attention, two
    without) so mirror pairs run on two cores. Construct through `get_models()`."""

    def __init__(self) -> None:
        started = time.perf_counter()
        with _quiet_native_stderr():
            self._load()
            self._warm_up()
        self.load_seconds = time.perf_counter() - started

    def _load(self) -> None:
        os.environ.setdefault("GLOG_minloglevel", "2")  # silence MediaPipe's C++ INFO chatter
        from mediapipe.python.solutions import face_detection, face_mesh, selfie_segmentation

        # model_selection=1: full-range detector (BlazeFace sparse, faces up to ~5 m, turned faces).
        self._detect_full = face_detection.FaceDetection(model_selection=1, min_detection_confidence=0.5)
        # model_selection=0: short-range; finds some close, occluded faces the full-range one misses.
        self._detect_short = face_detection.FaceDetection(model_selection=0, min_detection_confidence=0.5)
        self._mesh = face_mesh.FaceMesh(
            static_image_mode=True, max_num_faces=4, refine_landmarks=True, min_detection_confidence=0.4
        )
        self._segment = selfie_segmentation.SelfieSegmentation(model_selection=0)
        self._detect_full, self._detect_short, self._mesh, self._segment = (
            _Graph(g) for g in (self._detect_full, self._detect_short, self._mesh, self._segment)
        )
        self._landmarks = (_Graph(_landmark_graph()), _Graph(_landmark_graph()))
        # 468 points without the iris/lips attention refinement: ~25 % cheaper; seeds regions only.
        self._rough_landmarks = (_Graph(_landmark_graph(False)), _Graph(_landmark_graph(False)))
        self._second = ThreadPoolExecutor(max_workers=1, thread_name_prefix="maya-landmarks")

    def _warm_up(self) -> None:
        """One call per graph on a blank image: TFLite prints its delegate and feedback-manager
        notices on first use, inside the quiet window, and the first real photo is not slower."""
        blank = np.full((128, 128, 3), 128, np.uint8)
        roi = Roi(0.5, 0.5, 0.8, 0.8, 0.0)
        for graph in (self._detect_full, self._detect_short, self._mesh, self._segment):
            graph.run({"image": blank})
        for graph in (*self._landmarks, *self._rough_landmarks):
            _landmarks(graph, blank, roi)

    def detect_full(self, rgb: np.ndarray) -> list[Any]:
        return list(self._detect_full.run({"image": rgb}).get("detections") or [])

    def detect_short(self, rgb: np.ndarray) -> list[Any]:
        return list(self._detect_short.run({"image": rgb}).get("detections") or [])

    def mesh(self, rgb: np.ndarray) -> list[np.ndarray]:
        """Face meshes ((478, 3) normalised landmarks each) found in `rgb` by FaceMesh's own detector."""
        return [landmark_array(face) for face in self._mesh.run({"image": rgb}).get("multi_face_landmarks") or []]

    def in_background(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run `fn(*args)` on the second core (the one the second landmark graph uses)."""
        return self._second.submit(fn, *args)

    def rough_landmarks(self, rgb: np.ndarray, roi: Roi) -> np.ndarray | None:
        """468 normalised landmarks (no attention model) in one region of `rgb`, or None when it
        shows no face: cheaper, good enough to place the region of the final pass."""
        return _landmarks(self._rough_landmarks[0], rgb, roi)

    def landmarks_pair(
        self, first: tuple[np.ndarray, Roi], second: tuple[np.ndarray, Roi], rough: bool = False
    ) -> tuple[np.ndarray | None, np.ndarray | None]:
        """Landmarks (normalised; 478 points, or 468 when `rough`; None when the model sees no face
        in the region) of two (image, region) pairs, computed at the same time on two cores."""
        graphs = self._rough_landmarks if rough else self._landmarks
        later = self._second.submit(_landmarks, graphs[1], *second)
        return _landmarks(graphs[0], *first), later.result()

    def segment(self, rgb: np.ndarray) -> np.ndarray:
        """Person-vs-background probability map, same size as `rgb`."""
        return np.asarray(self._segment.run({"image": rgb})["segmentation_mask"], dtype=np.float32)


def _landmarks(graph: _Graph, rgb: np.ndarray, roi: Roi) -> np.ndarray | None:
    from mediapipe.framework.formats import rect_pb2

    rect = rect_pb2.NormalizedRect(**roi._asdict())
    found = graph.run({"image": rgb, "roi": rect}).get("landmarks")
    return None if found is None else landmark_array(found)


# One serialised NormalizedLandmark inside a NormalizedLandmarkList: field 1 (landmark), length 15,
# then x (field 1), y (field 2), z (field 3) as 32-bit floats.
_WIRE_RECORD = np.dtype(
    [("key", "u1"), ("len", "u1"), ("tx", "u1"), ("x", "<f4"), ("ty", "u1"), ("y", "<f4"), ("tz", "u1"), ("z", "<f4")]
)
_WIRE_TAGS = {"key": 0x0A, "len": 15, "tx": 0x0D, "ty": 0x15, "tz": 0x1D}


def landmark_array(message: Any) -> np.ndarray:
    """(N, 3) float64 x, y, z of a NormalizedLandmarkList.

    Reads the serialised message with numpy when every point is exactly x, y, z (what the landmark
    model emits): ~20x faster than reading 478 protobuf objects attribute by attribute. Any other
    layout (visibility/presence set, a field missing) takes the attribute path; both give the same
    numbers (the fields are 32-bit floats either way).
    """
    raw = message.SerializeToString()
    n = len(message.landmark)
    if n and len(raw) == _WIRE_RECORD.itemsize * n:
        rec = np.frombuffer(raw, _WIRE_RECORD)
        if all((rec[k] == v).all() for k, v in _WIRE_TAGS.items()):
            return np.stack([rec["x"], rec["y"], rec["z"]], axis=1).astype(np.float64)
    return np.array([(p.x, p.y, p.z) for p in message.landmark], dtype=np.float64)


@contextlib.contextmanager
def _quiet_native_stderr() -> Iterator[None]:
    """Send file descriptor 2 to /dev/null while MediaPipe loads and warms up.

    MediaPipe's C++ and TFLite write notices (XNNPACK delegate created, absl not initialised,
    "feedback manager requires a model with a single signature") straight to fd 2, past Python and
    GLOG_minloglevel; they would clutter `maya-desktop analyze` and say nothing to clinic staff.
    Best effort: only this load window (about a second) is silenced, for the whole process; when fd 2
    cannot be duplicated (closed, as under pythonw) nothing is redirected and loading goes on.
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
    return _models


def models_loaded() -> bool:
    return _models is not None
