"""Parametric pose NMS (after AlphaPose): pick the most confident person,
drop every person whose keypoints mostly match the pick, repeat."""
import numpy as np

NUM_KEYPOINTS = 17


def keypoint_distance(ref_pose, poses):
    return np.sqrt(((poses - ref_pose[None]) ** 2).sum(axis=-1))


def pose_nms(bboxes, pose_preds, pose_scores, match_thresh=8, alpha=0.1):
    widths = bboxes[:, 2] - bboxes[:, 0]
    heights = bboxes[:, 3] - bboxes[:, 1]
    ref_dists = alpha * np.maximum(widths, heights)
    human_scores = pose_scores.mean(axis=1)
    human_ids = np.arange(len(pose_preds))

    pick, final_poses, final_scores = [], [], []
    while human_scores.shape[0] != 0:
        pick_id = int(np.argmax(human_scores))
        pick.append(int(human_ids[pick_id]))
        final_poses.append(pose_preds[pick_id])  # expect: VL001
        final_scores.append(pose_scores[pick_id])  # expect: VL001

        dist = keypoint_distance(pose_preds[pick_id], pose_preds)
        num_match = (dist < ref_dists[human_ids[pick_id]]).sum(axis=1)
        delete_ids = np.arange(human_scores.shape[0])[num_match >= match_thresh]
        if delete_ids.size == 0:
            delete_ids = np.array([pick_id])

        pose_preds = np.delete(pose_preds, delete_ids, axis=0)
        pose_scores = np.delete(pose_scores, delete_ids, axis=0)
        human_ids = np.delete(human_ids, delete_ids)
        human_scores = np.delete(human_scores, delete_ids)
    return pick, final_poses, final_scores


def scenario():
    rng = np.random.default_rng(3)
    n = 1200
    centers = rng.uniform(0, 2000, size=(n, 1, 2))
    pose_preds = centers + rng.normal(0, 20, size=(n, NUM_KEYPOINTS, 2))
    pose_scores = rng.uniform(0.2, 1.0, size=(n, NUM_KEYPOINTS, 1))
    bboxes = np.concatenate([centers[:, 0] - 50, centers[:, 0] + 50], axis=1)
    return pose_nms(bboxes, pose_preds, pose_scores)
