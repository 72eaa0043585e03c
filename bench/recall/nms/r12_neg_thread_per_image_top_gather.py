"""Batch inference script that starts one `threading.Thread` per image, as in
the threaded detection workers of video-analytics and robotics repositories:
`threading.Thread(target=worker.process, args=(image_id, image))`, a
`BoundedSemaphore` limiting how many run at once, a `Lock` around the shared
results list, and the main thread joining them all at the end.  Each thread runs
the detector (a YOLO-style head: a new (N, 85) float32 array per image) and a
greedy index NMS, and keeps the top five survivors as `dets[keep[:5]]`: `keep`
is a list of indices, so this is an advanced index, a gather that copies the
five rows and leaves the prediction array free."""
import threading

import numpy as np


def fake_head(image, n_boxes=1500, n_classes=80):
    """Stand-in for the network: a new prediction array per image."""
    rng = np.random.default_rng(int(image[0, 0] * 1e6))
    xy = rng.uniform(0, 600, size=(n_boxes, 2)).astype(np.float32)
    wh = rng.uniform(8, 60, size=(n_boxes, 2)).astype(np.float32)
    obj = rng.random((n_boxes, 1), dtype=np.float32)
    cls = rng.random((n_boxes, n_classes), dtype=np.float32)
    return np.concatenate([xy, xy + wh, obj, cls], axis=1)


def greedy_nms(dets, iou_thr=0.5):
    x1, y1, x2, y2 = dets[:, 0], dets[:, 1], dets[:, 2], dets[:, 3]
    scores = dets[:, 4]
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
        inter = np.clip(xx2 - xx1, 0, None) * np.clip(yy2 - yy1, 0, None)
        iou = inter / (areas[i] + areas[order[1:]] - inter)
        order = order[np.where(iou <= iou_thr)[0] + 1]
    return keep


class DetectionWorker:
    def __init__(self, head, results, max_parallel=4, iou_thr=0.5):
        self.head = head
        self.results = results
        self.iou_thr = iou_thr
        self.slots = threading.BoundedSemaphore(max_parallel)
        self.lock = threading.Lock()

    def process(self, image_id, image):
        with self.slots:
            dets = self.head(image)
            keep = greedy_nms(dets, self.iou_thr)
            if not keep:
                return
            with self.lock:
                self.results.append((image_id, dets[keep[:5]]))


def run_batch(images, head=fake_head):
    results = []
    worker = DetectionWorker(head, results)
    threads = []
    for image_id, image in enumerate(images):
        t = threading.Thread(target=worker.process, args=(image_id, image))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()
    results.sort(key=lambda r: r[0])
    return results


def scenario():
    rng = np.random.default_rng(0)
    images = [rng.random((32, 32)) for _ in range(40)]
    return run_batch(images)
