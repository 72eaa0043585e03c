"""Reusable activation recorders for probing experiments.  Subclasses decide what part
of a module's output is worth keeping; the base class owns the buffer and the hook."""


class ActivationRecorder:
    def __init__(self):
        self.buffer = []
        self.handle = None

    def _keep(self, tensor):
        self.buffer.append(tensor)  # expect: VL002

    def attach(self, module):
        self.handle = module.register_forward_hook(self.hook)
        return self

    def detach(self):
        if self.handle is not None:
            self.handle.remove()
            self.handle = None

    def hook(self, module, inputs, output):
        raise NotImplementedError


class ClsRecorder(ActivationRecorder):
    """The first token's state, as linear-probe papers use it."""

    def hook(self, module, inputs, output):
        self._keep(output[:, 0].detach())


class MeanRecorder(ActivationRecorder):
    def hook(self, module, inputs, output):
        self._keep(output.detach().mean(dim=1))
