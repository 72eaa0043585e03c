"""RetinaFace-style face detection at the input's own resolution, after the
`PriorBox` generators and `decode` helpers of the Pytorch_Retinaface ports:
the priors depend on the image size, so they are built for each image from
`np.meshgrid` over every feature map (centres, then one row per min size),
`np.stack(..., axis=-1).reshape(-1, 4)`.  Locations are decoded against the
priors, the faces surviving the score threshold are sorted and suppressed,
and for the anchor-matching statistics each kept face records the prior it
was decoded from: `priors[j]` is a row view of the image's prior array."""
import math

import numpy as np

MIN_SIZES = [[16, 32], [64, 128], [256, 512]]
STEPS = [8, 16, 32]
VARIANCE = (0.1, 0.2)


def prior_grid(height, width):
    levels = []
    for step, sizes in zip(STEPS, MIN_SIZES):
        fh, fw = math.ceil(height / step), math.ceil(width / step)
        cx, cy = np.meshgrid((np.arange(fw) + 0.5) * step / width,
                             (np.arange(fh) + 0.5) * step / height)
        for s in sizes:
            sw = np.full_like(cx, s / width)
            sh = np.full_like(cy, s / height)
            levels.append(np.stack([cx, cy, sw, sh], axis=-1).reshape(-1, 4))
    return np.concatenate(levels, axis=0)


def decode(loc, priors):
    centers = priors[:, :2] + loc[:, :2] * VARIANCE[0] * priors[:, 2:]
    sizes = priors[:, 2:] * np.exp(loc[:, 2:] * VARIANCE[1])
    return np.concatenate([centers - sizes / 2, centers + sizes / 2], axis=1)


def nms(dets, thresh):
    x1, y1, x2, y2, scores = dets[:, 0], dets[:, 1], dets[:, 2], dets[:, 3], dets[:, 4]
    areas = (x2 - x1) * (y2 - y1)
    order = scores.argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        xx1 = np.maximum(x1[i], x1[order[1:]])
        yy1 = np.maximum(y1[i], y1[order[1:]])
        xx2 = np.minimum(x2[i], x2[order[1:]])
        yy2 = np.minimum(y2[i], y2[order[1:]])
        inter = np.maximum(0.0, xx2 - xx1) * np.maximum(0.0, yy2 - yy1)
        ovr = inter / (areas[i] + areas[order[1:]] - inter)
        order = order[np.where(ovr <= thresh)[0] + 1]
    return keep


def detect_faces(sizes, conf_thresh=0.97, nms_thresh=0.4):
    faces = []
    for image_id, (height, width) in enumerate(sizes):
        priors = prior_grid(height, width)
        rng = np.random.default_rng(image_id)
        loc = rng.normal(0, 0.5, (priors.shape[0], 4))
        conf = rng.uniform(0, 1, priors.shape[0])
        boxes = decode(loc, priors)
        inds = np.where(conf > conf_thresh)[0]
        dets = np.hstack([boxes[inds], conf[inds, None]])
        for k in nms(dets, nms_thresh)[:5]:
            j = inds[k]
            faces.append({"image": image_id, "box": dets[k, :4].copy(),
                          "prior": priors[j]})  # expect: VL002
    return faces


def scenario():
    sizes = [(1080 + 8 * i, 1920 - 8 * i) for i in range(16)]
    return detect_faces(sizes)
