"""Instance segmentation over a folder of images, after the torchvision
Mask R-CNN demo scripts that collect every confident instance into one
gallery for later drawing: a stand-in mask head returns fresh sigmoid maps for
100 proposals per image, `postprocess.to_instances` turns the confident ones
into frozen dataclass records (`records.Instance`), and the records of all
images are gathered in one list.  Each record's mask is one piece of
`masks.unbind(0)`, a view of the image's whole `(100, H, W)` tensor, so the
gallery pins every image's mask tensor."""
import torch

from postprocess import to_instances


class MaskHead(torch.nn.Module):
    def __init__(self, n_props=100, size=96):
        super().__init__()
        self.n_props = n_props
        self.size = size
        self.bias = torch.nn.Parameter(torch.zeros(1))

    def forward(self, seed):
        g = torch.Generator().manual_seed(seed)
        boxes = torch.rand(self.n_props, 4, generator=g) * 600
        scores = torch.rand(self.n_props, generator=g)
        labels = torch.randint(0, 80, (self.n_props,), generator=g)
        logits = torch.randn(self.n_props, self.size, self.size, generator=g)
        return boxes, scores, labels, torch.sigmoid(logits + self.bias)


@torch.no_grad()
def segment(image_ids):
    head = MaskHead().eval()
    gallery = []
    for image_id in image_ids:
        boxes, scores, labels, masks = head(image_id)
        gallery.extend(to_instances(image_id, boxes, scores, labels, masks, score_thr=0.96))  # expect: VL002
    return gallery


def scenario():
    return segment(range(16))
