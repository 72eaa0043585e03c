"""Motion maps from frame differencing on a camera stream, downsampled before the difference.  Each
frame is read anew; `gray = frame[::4, ::4, 1]` is a strided view of it, kept as `prev` for exactly
one iteration.  The motion map `np.abs(gray.astype(np.int16) - prev.astype(np.int16))` is computed by
arithmetic, a new small array, and it is what the list keeps; a key frame is kept as `gray.copy()`.
Nothing kept shows a frame, so at most the previous frame is alive.  Written after motion-detection
scripts of surveillance and video-analysis projects that difference consecutive (downscaled) gray
frames with `np.abs(a.astype(np.int16) - b.astype(np.int16))` and keep the motion energy."""
import numpy as np


class Camera:
    """A stand-in for cv2.VideoCapture: each read returns a new 480x640 BGR frame."""

    def __init__(self, n_frames, seed=0):
        self.n_frames = n_frames
        self.rng = np.random.default_rng(seed)
        self.i = 0

    def read(self):
        if self.i >= self.n_frames:
            return False, None
        self.i += 1
        return True, self.rng.integers(0, 256, size=(480, 640, 3), dtype=np.uint8)


def scenario(n_frames=400, threshold=85.3):
    cap = Camera(n_frames)
    prev = None
    motion_maps, energies, keyframes = [], [], []
    while True:
        ok, frame = cap.read()
        if not ok:
            break
        gray = frame[::4, ::4, 1]
        if prev is not None:
            diff = np.abs(gray.astype(np.int16) - prev.astype(np.int16))
            motion_maps.append(diff)
            energy = float(diff.mean())
            energies.append(energy)
            if energy > threshold:
                keyframes.append(gray.copy())
        prev = gray
    return motion_maps, energies, keyframes
