"""Video highlight tool: a clip is decoded in chunks, the per-frame motion energy of each chunk
is searched for peaks with `scipy.signal.find_peaks`, and the frames at the peaks are kept as the
clip's keyframes for the summary strip.  The helpers live in a small package whose `__init__.py`
re-exports them (`from highlights import ChunkDecoder, keyframes_at_peaks`).  Written after
keyframe extractors that take local maxima of inter-frame differences (video summarisation and
slide-extraction tools using `find_peaks` on a difference signal); the decoder renders new random
chunks."""
from highlights import ChunkDecoder, keyframes_at_peaks

KEYFRAMES = []


def summarise(decoder):
    for start, chunk in decoder.chunks():
        peaks, frames = keyframes_at_peaks(chunk)
        KEYFRAMES.extend(frames)  # expect: VL002
    return KEYFRAMES


def scenario():
    return summarise(ChunkDecoder())
