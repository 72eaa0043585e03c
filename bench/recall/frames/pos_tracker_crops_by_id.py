"""Multi-object tracking demo: keep a gallery of person crops per track id for re-identification."""
import numpy as np


class SyntheticVideo:
    """Stands in for cv2.VideoCapture in tests: read() decodes one 720p BGR frame."""

    def __init__(self, n_frames, height=720, width=1280, seed=0):
        self.n_frames = n_frames
        self.height = height
        self.width = width
        self._pos = 0
        self._rng = np.random.default_rng(seed)

    def isOpened(self):
        return self._pos < self.n_frames

    def read(self):
        if self._pos >= self.n_frames:
            return False, None
        self._pos += 1
        frame = self._rng.integers(0, 255, size=(self.height, self.width, 3), dtype=np.uint8)
        return True, frame

    def release(self):
        self._pos = self.n_frames


def detect_people(frame, max_people=3):
    h, w = frame.shape[:2]
    boxes = []
    for k in range(max_people):
        x1 = 100 + 300 * k
        y1 = 200
        boxes.append((k, x1, y1, x1 + 48, y1 + 96))
    return boxes


def build_gallery(cap):
    gallery = {}
    while cap.isOpened():
        ok, frame = cap.read()
        if not ok:
            break
        for track_id, x1, y1, x2, y2 in detect_people(frame):
            crop = frame[y1:y2, x1:x2]
            gallery.setdefault(track_id, []).append(crop)  # expect: VL002
    cap.release()
    return gallery


def scenario():
    return build_gallery(SyntheticVideo(n_frames=24))
