"""Motion report for a surveillance clip: consecutive decoded frames are paired with
`itertools.pairwise(frames)`, a dense optical-flow field (HxWx2, horizontal and vertical components,
a new float32 array per pair as `cv2.calcOpticalFlowFarneback` returns) is computed for each pair, and
for the pairs with strong motion the horizontal component subsampled on the quiver grid
(`flow[::8, ::8, 0]`) is kept in a dict keyed by the pair's index, to draw arrows later.  Each kept
field is a strided view of its whole flow array, so the report pins every strong-motion flow field.
Written after optical-flow scripts that loop over `prvs`/`next` frames, read `flow[..., 0]` and
`flow[..., 1]` and draw a quiver on a subsampled grid; the decoder and the flow are seeded stand-ins
(a new array per call) so that the program runs without OpenCV or a video file."""
import itertools

import numpy as np

QUIVER_STEP = 8


def decode_frames(n_frames, height=240, width=320, seed=0):
    """A stand-in for a video decoder: yields a new grey frame per read."""
    rng = np.random.default_rng(seed)
    base = rng.random((height, width), dtype=np.float32)
    for t in range(n_frames):
        noise = rng.random((height, width), dtype=np.float32) * 0.2
        yield np.roll(base, 2 * t, axis=1) + noise


def dense_flow(prev, nxt):
    """A stand-in for Farneback flow: gradients of the frame difference as (dx, dy) per pixel."""
    diff = nxt - prev
    dy, dx = np.gradient(diff)
    return np.stack([dx, dy], axis=-1).astype(np.float32)


def scenario(n_frames=160, threshold=0.05):
    quiver_fields = {}
    energy = []
    for idx, (prev, nxt) in enumerate(itertools.pairwise(decode_frames(n_frames))):
        flow = dense_flow(prev, nxt)
        mag = float(np.abs(flow).mean())
        energy.append(mag)
        if mag > threshold:
            quiver_fields[idx] = flow[::QUIVER_STEP, ::QUIVER_STEP, 0]  # expect: VL002
    return quiver_fields, energy
