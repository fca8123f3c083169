"""MediaPipe models, loaded offline from the mediapipe==0.10.14 wheel, once per process, lazily.

The legacy `solutions` graphs are not safe to call from two threads at once, so every call goes
through one lock (the GUI analyses in a worker thread; the CLI is single-threaded).
"""

from __future__ import annotations

import os
import threading
import time
from typing import Any

import numpy as np

_lock = threading.RLock()
_models: Models | None = None


class Models:
    """The four graphs the engine uses. Construct through `get_models()`."""

    def __init__(self) -> None:
        os.environ.setdefault("GLOG_minloglevel", "2")  # silence MediaPipe's C++ INFO chatter
        from mediapipe.python.solutions import face_detection, face_mesh, selfie_segmentation

        started = time.perf_counter()
        # model_selection=1: full-range detector (BlazeFace sparse, faces up to ~5 m, turned faces).
        self._detect_full = face_detection.FaceDetection(model_selection=1, min_detection_confidence=0.5)
        # model_selection=0: short-range; finds some close, occluded faces the full-range one misses.
        self._detect_short = face_detection.FaceDetection(model_selection=0, min_detection_confidence=0.5)
        self._mesh = face_mesh.FaceMesh(
            static_image_mode=True, max_num_faces=4, refine_landmarks=True, min_detection_confidence=0.4
        )
        self._segment = selfie_segmentation.SelfieSegmentation(model_selection=0)
        self.load_seconds = time.perf_counter() - started

    def detect_full(self, rgb: np.ndarray) -> list[Any]:
        with _lock:
            return list(self._detect_full.process(rgb).detections or [])

    def detect_short(self, rgb: np.ndarray) -> list[Any]:
        with _lock:
            return list(self._detect_short.process(rgb).detections or [])

    def mesh(self, rgb: np.ndarray) -> list[Any]:
        """Face meshes (478 normalised landmarks each) found in `rgb`."""
        with _lock:
            return list(self._mesh.process(rgb).multi_face_landmarks or [])

    def segment(self, rgb: np.ndarray) -> np.ndarray:
        """Person-vs-background probability map, same size as `rgb`."""
        with _lock:
            return np.asarray(self._segment.process(rgb).segmentation_mask, dtype=np.float32)


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
