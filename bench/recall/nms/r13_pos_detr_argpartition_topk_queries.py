"""Post-processing of a DETR-style set-prediction head in NumPy, as in the ONNX
deployment scripts of transformer detectors: per batch the head returns new
`(B, Q, C)` class logits and `(B, Q, 4)` boxes, the sigmoid scores of each image
are flattened over queries x classes, `np.argpartition(-flat, k)[:k]` picks the
k best (query, class) pairs without a full sort, `np.argsort` orders those k,
and `divmod` splits each flat index into its query and class.  Every detection
record keeps that query's box and its whole row of class probabilities for a
later calibration plot: `probs[b, q]` is a row of the batch's probability
array, so the records pin every batch's whole `(B, Q, C)` array."""
import numpy as np


def detr_head(batch_index, batch_size=8, num_queries=900, num_classes=91):
    """Stand-in for the session: new logits and boxes per batch."""
    rng = np.random.default_rng(batch_index)
    logits = rng.normal(-4.0, 2.0, size=(batch_size, num_queries, num_classes)).astype(np.float32)
    boxes = rng.random((batch_size, num_queries, 4), dtype=np.float32)
    return logits, boxes


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def postprocess(logits, boxes, max_detections=30):
    probs = sigmoid(logits)
    batch_size, num_queries, num_classes = probs.shape
    records = []
    for b in range(batch_size):
        flat = probs[b].reshape(-1)
        part = np.argpartition(-flat, max_detections)[:max_detections]
        order = part[np.argsort(-flat[part])]
        for rank, flat_idx in enumerate(order.tolist()):
            q, c = divmod(flat_idx, num_classes)
            records.append({"image": b, "rank": rank, "label": c,
                            "score": float(flat[flat_idx]),
                            "box": boxes[b, q],
                            "class_probs": probs[b, q]})  # expect: VL002
    return records


def scenario(n_batches=20):
    detections = []
    for i in range(n_batches):
        logits, boxes = detr_head(i)
        detections.extend(postprocess(logits, boxes))
    return detections
