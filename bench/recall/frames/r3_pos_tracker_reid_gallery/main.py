"""Pedestrian re-identification demo: detect, track, and keep gallery patches per track."""
from tracking import IoUTracker
from video import SyntheticVideo


def detect_people(frame, t):
    """Stand-in detector: three people walking right at different speeds."""
    h, w = frame.shape[1:]
    boxes = []
    for k, speed in enumerate((2, 3, 4)):
        x1 = (40 + int(speed * t * 25)) % (w - 64)
        y1 = 60 + 90 * k
        boxes.append((x1, y1, x1 + 48, y1 + 96))
    return boxes


def run(video, tracker):
    for frame_info in video:
        frame = frame_info["data"]
        tracker.step(frame, detect_people(frame, frame_info["pts"]))
    return {t.track_id: t.gallery for t in tracker.tracks}


def scenario():
    return run(SyntheticVideo(), IoUTracker(iou_threshold=0.2, gallery_every=2))
