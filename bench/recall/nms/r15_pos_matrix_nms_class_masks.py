"""Matrix NMS for instance masks, after the SOLOv2 post-processing of
instance-segmentation repositories: the masks of one image are sorted by
score, the pairwise IoU matrix is taken with `torch.mm`, kept upper-triangular
with `torch.triu`, and each mask's score is decayed by a Gaussian of its
overlap with the higher-scored masks of its class.  Masks whose decayed score
falls under the update threshold are dropped (`masks[keep]`: a new tensor per
image).  The gallery keeps, per class, the best surviving mask of each image:
`masks[j]` is a view of that image's filtered stack, so each one pins every
mask kept for the image."""
import torch


def predict(image_id, n=60, h=96, w=128, n_classes=4):
    g = torch.Generator().manual_seed(image_id)
    masks = (torch.rand(n, h, w, generator=g) > 0.55).float()
    scores = torch.rand(n, generator=g)
    labels = torch.randint(0, n_classes, (n,), generator=g)
    return masks, scores, labels


def matrix_nms(masks, labels, scores, sigma=2.0):
    n = len(labels)
    flat = masks.reshape(n, -1)
    areas = flat.sum(1)
    inter = torch.mm(flat, flat.T)
    union = areas[:, None] + areas[None, :] - inter
    iou = torch.triu(inter / union.clamp(min=1.0), diagonal=1)
    same = torch.triu((labels[:, None] == labels[None, :]).float(), diagonal=1)
    decay_iou = iou * same
    compensate = decay_iou.max(0).values.expand(n, n).T
    decay = torch.exp(-sigma * (decay_iou ** 2 - compensate ** 2)).min(0).values
    return scores * decay


def postprocess(masks, scores, labels, update_thr=0.2):
    scores, order = scores.sort(descending=True)
    masks, labels = masks[order], labels[order]
    new_scores = matrix_nms(masks, labels, scores)
    keep = new_scores >= update_thr
    return masks[keep], new_scores[keep], labels[keep]


def scenario(n_images=24):
    gallery = {}
    for image_id in range(n_images):
        masks, scores, labels = postprocess(*predict(image_id))
        for c in labels.unique().tolist():
            j = int(torch.nonzero(labels == c)[0])
            gallery.setdefault(c, []).append(masks[j])  # expect: VL002
    return gallery
