class EmbeddingStore:
    """In-memory vector index: image id -> embedding, searched with a matrix product."""

    def __init__(self):
        self._vectors = {}

    def add(self, key, vector):
        self._vectors[key] = vector  # expect: VL002

    def __len__(self):
        return len(self._vectors)

    def items(self):
        return self._vectors.items()
