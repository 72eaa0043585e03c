"""Episode recorder keeping small thumbnails for a TensorBoard-style summary grid."""


class EpisodeRecorder:
    def __init__(self, stride=4):
        self.stride = stride
        self.episodes = []
        self._current = []

    def add_frame(self, frame):
        thumb = frame[::self.stride, ::self.stride]
        self._current.append(thumb)  # expect: VL002

    def end_episode(self):
        self.episodes.append(self._current)
        self._current = []
