"""Highlight extraction: chunked decoding and motion-peak keyframes."""
from .decode import ChunkDecoder
from .peaks import keyframes_at_peaks, motion_energy

__all__ = ["ChunkDecoder", "keyframes_at_peaks", "motion_energy"]
