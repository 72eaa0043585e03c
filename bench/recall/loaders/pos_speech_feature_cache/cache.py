"""Sample cache shared by the training and validation loaders."""


class FeatureCache:
    def __init__(self):
        self._store = {}
        self.hits = 0

    def get(self, key):
        value = self._store.get(key)
        if value is not None:
            self.hits += 1
        return value

    def put(self, key, value):
        self._store[key] = value  # expect: VL002

    def __len__(self):
        return len(self._store)
