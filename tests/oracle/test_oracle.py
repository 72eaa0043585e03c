"""Unit tests of the runtime oracle's own logic (threshold, payload walker,
labels, one subprocess round trip).

Run: /usr/bin/python3 -m unittest discover -s tests/oracle
"""

import collections
import json
import os
import sys
import tempfile
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import oracle  # noqa: E402

try:
    import numpy as np
except ImportError:  # the whole suite needs numpy, as the oracle does
    np = None

try:
    import torch
except ImportError:
    torch = None

MIB = oracle.MIB


class LeakThresholdTest(unittest.TestCase):
    def test_big_and_unexplained_is_a_leak(self):
        self.assertTrue(oracle.leaks(6 * MIB, 0))

    def test_small_is_never_a_leak(self):
        self.assertFalse(oracle.leaks(5 * MIB, 0))  # strictly more than 5 MiB
        self.assertFalse(oracle.leaks(4 * MIB, 1))

    def test_ratio_must_exceed_eight(self):
        self.assertFalse(oracle.leaks(80 * MIB, 10 * MIB))  # exactly 8x
        self.assertTrue(oracle.leaks(80 * MIB + 1, 10 * MIB))
        self.assertFalse(oracle.leaks(6 * MIB, 1 * MIB))


@unittest.skipIf(np is None, "numpy not importable")
class PayloadWalkerTest(unittest.TestCase):
    def numpy_payload(self, obj):
        return oracle.reach(obj)["numpy_payload"]

    def test_array_counts_nbytes(self):
        self.assertEqual(self.numpy_payload(np.zeros(10)), 80)

    def test_view_counts_itself_not_its_base(self):
        base = np.zeros((100, 10))
        self.assertEqual(self.numpy_payload(base[3]), 80)
        self.assertEqual(self.numpy_payload([base[3], base[4:6]]), 80 + 160)

    def test_same_object_counted_once(self):
        a = np.zeros(10)
        self.assertEqual(self.numpy_payload([a, a, (a,), {"k": a}]), 80)

    def test_containers_are_walked(self):
        a, b, c, d, e = (np.zeros(n) for n in (1, 2, 3, 4, 5))
        obj = ([a], (b,), {"x": c}, collections.deque([d]),
               frozenset({np.float32(1)}), {e.tobytes()})
        self.assertEqual(self.numpy_payload(obj), 8 * (1 + 2 + 3 + 4) + 4)

    def test_dict_keys_are_walked(self):
        self.assertEqual(self.numpy_payload({np.int16(3): None}), 2)

    def test_numpy_scalars_count_nbytes(self):
        self.assertEqual(self.numpy_payload([np.float64(1.0), np.int8(2)]), 9)

    def test_object_attributes_are_walked(self):
        class Holder:
            def __init__(self):
                self.pool = np.zeros(4)
                self.history = [np.zeros(2)]

        class Slotted:
            __slots__ = ("buf", "unset")

            def __init__(self):
                self.buf = np.zeros(3)

        self.assertEqual(self.numpy_payload(Holder()), 48)
        self.assertEqual(self.numpy_payload(Slotted()), 24)

    def test_object_arrays_are_walked(self):
        arr = np.empty(2, dtype=object)
        arr[0] = np.zeros(5)
        arr[1] = np.zeros(5)
        self.assertEqual(self.numpy_payload(arr), arr.nbytes + 80)

    def test_cycles_terminate(self):
        a = [np.zeros(1)]
        a.append(a)
        self.assertEqual(self.numpy_payload(a), 8)

    def test_modules_and_functions_are_not_walked(self):
        self.assertEqual(self.numpy_payload([np, len, lambda: 0, int]), 0)

    def test_payload_bytes_adds_python_containers(self):
        self.assertEqual(oracle.payload_bytes([]), sys.getsizeof([]))
        a = np.zeros(10)
        self.assertEqual(oracle.payload_bytes([a]), 80 + sys.getsizeof([a]))


@unittest.skipIf(torch is None, "torch not importable")
class TorchWalkerTest(unittest.TestCase):
    def test_views_share_one_storage(self):
        t = torch.zeros(1000)
        r = oracle.reach([t[0], t[1], t[10:20]])
        self.assertEqual(r["tensor_payload"], 4 * (1 + 1 + 10))
        self.assertEqual(sum(r["storages"].values()), 4000)

    def test_clone_owns_its_storage(self):
        t = torch.zeros(1000)
        r = oracle.reach([t[0].clone(), t[1].clone()])
        self.assertEqual(sum(r["storages"].values()), 8)

    def test_numpy_view_of_a_tensor_pins_its_storage(self):
        t = torch.zeros(100, 10)
        r = oracle.reach([t.numpy()[0]])
        self.assertEqual(r["tensor_payload"], 40)
        self.assertEqual(sum(r["storages"].values()), 4000)

    def test_numpy_scalar_of_a_tensor_pins_nothing(self):
        t = torch.zeros(1000)
        r = oracle.reach([t.numpy()[3], t.numpy().copy()[1:5]])
        self.assertEqual(sum(r["storages"].values()), 0)


class LabelTest(unittest.TestCase):
    def test_retention_marker_expects_leak(self):
        lab = oracle.read_labels("x.append(a[i])  # expect: VL001\n")
        self.assertTrue(lab["expect_leak"])
        self.assertEqual(lab["codes"], ["VL001"])
        self.assertTrue(oracle.read_labels("x = 1  # expect: VL002\n")["expect_leak"])

    def test_other_rule_does_not_expect_leak(self):
        self.assertFalse(oracle.read_labels("x = 1  # expect: VL007\n")["expect_leak"])

    def test_several_codes(self):
        lab = oracle.read_labels("x = 1  # expect: VL007, VL001\n")
        self.assertEqual(lab["codes"], ["VL007", "VL001"])
        self.assertTrue(lab["expect_leak"])

    def test_no_marker_no_leak(self):
        lab = oracle.read_labels("x.append(a[i])  # noqa: VL001\n")
        self.assertFalse(lab["expect_leak"])
        self.assertIsNone(lab["skip"])

    def test_marker_inside_a_string_is_ignored(self):
        self.assertFalse(oracle.read_labels("s = '# expect: VL001'\n")["expect_leak"])

    def test_oracle_comments(self):
        self.assertTrue(oracle.read_labels("# oracle: expect-leak\n")["expect_leak"])
        lab = oracle.read_labels("# oracle: skip needs a GPU\nimport cupy\n")
        self.assertEqual(lab["skip"], "needs a GPU")

    def test_torch_detection(self):
        self.assertTrue(oracle.read_labels("import torch\n")["torch"])
        self.assertTrue(oracle.read_labels("from torch import nn\n")["torch"])
        self.assertFalse(oracle.read_labels("import torchvision_like\n# torch\n")["torch"])

    def test_untokenizable_source_still_labelled(self):
        self.assertTrue(oracle.read_labels("def f(:\n  x  # expect: VL001\n")["expect_leak"])


@unittest.skipIf(np is None, "numpy not importable")
class RoundTripTest(unittest.TestCase):
    """One real subprocess per case, on tiny fixtures written here."""

    LEAKY = """
        import numpy as np

        def scenario():
            a = np.zeros((64, 1024))       # 512 KiB
            kept = []
            for i in range(16):
                kept.append(a[i])  # expect: VL001
                a = a + 1.0
            return kept
    """

    def run_fixture(self, body):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "fixture.py")
            with open(path, "w") as fh:
                fh.write(textwrap.dedent(body))
            return oracle.run_one(path)

    def test_leak_agrees(self):
        rec = self.run_fixture(self.LEAKY)
        self.assertEqual(rec["status"], "pass", rec)
        self.assertTrue(rec["leaks"])
        self.assertGreater(rec["kept"], 7 * MIB)

    def test_leak_without_marker_fails(self):
        rec = self.run_fixture(self.LEAKY.replace("# expect: VL001", ""))
        self.assertEqual(rec["status"], "fail", rec)

    def test_raising_scenario_is_an_error_with_traceback(self):
        rec = self.run_fixture("def scenario():\n    raise ValueError('boom')\n")
        self.assertEqual(rec["status"], "error")
        self.assertIn("ValueError: boom", rec["reason"])

    def test_missing_scenario_is_an_error(self):
        rec = self.run_fixture("X = 1\n")
        self.assertEqual(rec["status"], "error")
        self.assertIn("scenario", rec["reason"])

    def test_multi_module_program(self):
        # A folder with main.py is one fixture: main.py imports its sibling, whose marker labels it.
        with tempfile.TemporaryDirectory() as tmp:
            prog = os.path.join(tmp, "prog")
            os.mkdir(prog)
            with open(os.path.join(prog, "main.py"), "w") as fh:
                fh.write("from helpers import run\n\ndef scenario():\n    return run()\n")
            body = textwrap.dedent(self.LEAKY).replace("def scenario", "def run")
            with open(os.path.join(prog, "helpers.py"), "w") as fh:
                fh.write(body)
            self.assertEqual(oracle.collect([tmp]), [os.path.join(prog, "main.py")])
            rec = oracle.run_one(os.path.join(prog, "main.py"))
            self.assertEqual(rec["status"], "pass", rec)
            self.assertTrue(rec["leaks"] and rec["expect_leak"])

    def test_skip_runs_nothing(self):
        rec = self.run_fixture("# oracle: skip not here\nraise SystemExit(3)\n")
        self.assertEqual((rec["status"], rec["reason"]), ("skip", "not here"))


class NotebookTest(unittest.TestCase):
    """Notebooks: the code cells joined, IPython lines inert, the cells as the scenario."""

    @staticmethod
    def write(tmp, cells):
        nb = {"cells": [{"cell_type": kind, "metadata": {}, "source": src,
                         **({"outputs": [], "execution_count": None} if kind == "code" else {})}
                        for kind, src in cells],
              "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        path = os.path.join(tmp, "nb.ipynb")
        with open(path, "w") as fh:
            json.dump(nb, fh)
        return path

    def test_source_masks_ipython_and_skips_other_cells(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = self.write(tmp, [
                ("markdown", "x = 1  # expect: VL001"),
                ("code", ["%matplotlib inline\n", "import numpy as np\n", "files = !ls\n", "np.zeros?"]),
                ("code", "%%bash\necho hi"),
                ("raw", "y = 2"),
                ("code", "for i in range(2):\n    !echo $i\n"),
            ])
            self.assertEqual(oracle.notebook_source(path),
                             "pass\nimport numpy as np\nfiles = None\npass\nfor i in range(2):\n    pass\n")
            self.assertEqual(oracle.read_labels(oracle.fixture_source(path))["codes"], [])
            self.assertEqual(oracle.collect([tmp]), [path])

    def test_not_nbformat_4_is_refused(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "old.ipynb")
            with open(path, "w") as fh:
                json.dump({"nbformat": 3, "worksheets": []}, fh)
            with self.assertRaises(ValueError):
                oracle.notebook_source(path)

    def test_cells_are_the_scenario(self):
        leaky = textwrap.dedent(RoundTripTest.LEAKY).split("def scenario():\n")[1]
        body = textwrap.dedent(leaky).replace("return kept\n", "")
        with tempfile.TemporaryDirectory() as tmp:
            path = self.write(tmp, [("code", "import numpy as np\n%time 1"), ("code", body)])
            rec = oracle.run_one(path)
            self.assertEqual(rec["status"], "pass", rec)
            self.assertTrue(rec["leaks"] and rec["expect_leak"])
            path = self.write(tmp, [("code", "import numpy as np"), ("code", body.replace("a[i]", "a[i].copy()")
                                                                       .replace("  # expect: VL001", ""))])
            rec = oracle.run_one(path)
            self.assertEqual(rec["status"], "pass", rec)
            self.assertFalse(rec["leaks"])


if __name__ == "__main__":
    unittest.main()
