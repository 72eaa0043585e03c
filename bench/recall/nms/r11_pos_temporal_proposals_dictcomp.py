"""Temporal action localisation post-processing, as in BMN/BSN-style and
ActionFormer-style evaluation scripts: an "actionness" curve per video is
smoothed into proposals with `np.lib.stride_tricks.sliding_window_view`
(one proposal per window start and length), the proposals are packed with
`np.column_stack` into (start, end, score) rows, and a greedy 1-D NMS keeps
the best rows.  The per-video results are gathered with a dict
comprehension keyed by video id.  The proposal table is new per video; the
kept rows are views of it, so every video's whole table stays alive."""
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view


def actionness_curves(n_videos, n_frames=6000, seed=0):
    rng = np.random.default_rng(seed)
    for v in range(n_videos):
        curve = rng.random(n_frames) ** 3
        yield f"video_{v:03d}", curve


def make_proposals(curve, lengths=(16, 32, 64, 128, 256)):
    tables = []
    for length in lengths:
        windows = sliding_window_view(curve, length)
        score = windows.mean(axis=1)
        start = np.arange(len(score), dtype=np.float64)
        tables.append(np.column_stack([start, start + length, score]))
    return np.concatenate(tables, axis=0)


def temporal_iou(seg, segs):
    inter = np.clip(np.minimum(seg[1], segs[:, 1]) - np.maximum(seg[0], segs[:, 0]), 0, None)
    union = (seg[1] - seg[0]) + (segs[:, 1] - segs[:, 0]) - inter
    return inter / union


def temporal_nms(props, iou_thr=0.5, top_k=20):
    order = props[:, 2].argsort()[::-1]
    kept = []
    while order.size > 0 and len(kept) < top_k:
        i = order[0]
        kept.append(props[i])
        ious = temporal_iou(props[i], props[order[1:]])
        order = order[1:][ious <= iou_thr]
    return kept


def scenario():
    results = {vid: temporal_nms(make_proposals(curve)) for vid, curve in actionness_curves(20)}  # expect: VL002
    return results
