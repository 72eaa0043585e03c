"""Top-down pose decoding by heatmap argmax, after the `get_max_preds` /
`heatmapToJoints` helpers of keypoint toolboxes: for each person crop the
network gives one heatmap per joint, the peak of each is found with
`np.unravel_index(np.argmax(hm[j]), hm[j].shape)`, refined by a quarter pixel
towards the higher neighbour, and the joint is kept as plain numbers (x, y
and the peak value `hm[j, y, x]`, read with all three indices)."""
import numpy as np


def fake_heatmaps(person_id, n_joints=17, height=256, width=192):
    rng = np.random.default_rng(person_id)
    ys, xs = np.mgrid[0:height, 0:width]
    centers = rng.uniform([20, 20], [height - 20, width - 20], (n_joints, 2))
    hm = np.exp(-((ys[None] - centers[:, 0, None, None]) ** 2
                  + (xs[None] - centers[:, 1, None, None]) ** 2) / (2 * 3.0 ** 2))
    return hm + rng.uniform(0, 0.05, hm.shape)


def decode_joints(hm, stride=4):
    joints = []
    n_joints, height, width = hm.shape
    for j in range(n_joints):
        y, x = np.unravel_index(np.argmax(hm[j]), hm[j].shape)
        px, py = float(x), float(y)
        if 0 < x < width - 1:
            px += 0.25 * np.sign(hm[j, y, x + 1] - hm[j, y, x - 1])
        if 0 < y < height - 1:
            py += 0.25 * np.sign(hm[j, y + 1, x] - hm[j, y - 1, x])
        joints.append((px * stride, py * stride, hm[j, y, x]))
    return joints


def scenario(n_people=24):
    poses = {}
    for person_id in range(n_people):
        hm = fake_heatmaps(person_id)
        poses[person_id] = decode_joints(hm)
    return poses
