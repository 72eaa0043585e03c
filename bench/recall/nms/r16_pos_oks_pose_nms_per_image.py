"""Bottom-up pose estimation post-processing with OKS-based NMS, after the
`oks_nms`/`oks_iou` helpers of keypoint-detection toolboxes (COCO sigmas,
area-normalised keypoint distances): the grouping stage proposes many
overlapping person instances per image as one `(n, 17, 3)` array of
(x, y, score) keypoints, the instances are ordered by score and suppressed
greedily by their OKS with the kept one (`order = order[inds + 1]`), and the
survivors are gathered per image into the results dict as `kpts[i]`: a
view of that image's proposal array, so each kept pose pins every proposal."""
import numpy as np

SIGMAS = np.array([.26, .25, .25, .35, .35, .79, .79, .72, .72, .62, .62,
                   1.07, 1.07, .87, .87, .89, .89]) / 10.0


def oks_iou(g, d, a_g, a_d, sigmas=SIGMAS):
    vars_ = (sigmas * 2) ** 2
    dx = d[:, :, 0] - g[None, :, 0]
    dy = d[:, :, 1] - g[None, :, 1]
    e = (dx ** 2 + dy ** 2) / vars_ / ((a_g + a_d[:, None]) / 2 + np.spacing(1)) / 2
    return np.exp(-e).mean(axis=1)


def oks_nms(kpts, scores, areas, thr=0.5):
    order = scores.argsort()[::-1]
    keep = []
    while order.size > 0:
        i = order[0]
        keep.append(i)
        ovr = oks_iou(kpts[i], kpts[order[1:]], areas[i], areas[order[1:]])
        inds = np.where(ovr <= thr)[0]
        order = order[inds + 1]
    return keep


def group_instances(image_id, n=2500, n_people=6):
    rng = np.random.default_rng(image_id)
    poses = rng.uniform(100, 900, (n_people, 1, 2)) + rng.normal(0, 40, (n_people, 17, 2))
    owner = rng.integers(0, n_people, n)
    xy = poses[owner] + rng.normal(0, 3, (n, 17, 2))
    vis = rng.uniform(0, 1, (n, 17, 1))
    kpts = np.concatenate([xy, vis], axis=2)
    scores = kpts[:, :, 2].mean(axis=1)
    span = xy.max(axis=1) - xy.min(axis=1)
    areas = span[:, 0] * span[:, 1]
    return kpts, scores, areas


def scenario(n_images=40):
    results = {}
    for image_id in range(n_images):
        kpts, scores, areas = group_instances(image_id)
        keep = oks_nms(kpts, scores, areas)
        results[image_id] = [kpts[i] for i in keep]  # expect: VL002
    return results
