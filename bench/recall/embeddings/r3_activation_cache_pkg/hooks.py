"""An activation cache used as a context manager: forward hooks on the named modules record the
first token's activation of every batch, per module name."""
import functools


class ActivationCache:
    def __init__(self, model, names, token_index=0):
        self.model = model
        self.names = list(names)
        self.token_index = token_index
        self.store = {name: [] for name in self.names}
        self._handles = []

    def _hook(self, name, module, inputs, output):
        if isinstance(output, tuple):
            output = output[0]
        self.store[name].append(output.detach()[:, self.token_index])  # expect: VL002

    def __enter__(self):
        modules = dict(self.model.named_modules())
        for name in self.names:
            handle = modules[name].register_forward_hook(functools.partial(self._hook, name))
            self._handles.append(handle)
        return self

    def __exit__(self, *exc):
        for handle in self._handles:
            handle.remove()
        self._handles.clear()
        return False
