/* leak_source.h: the test programs two unit tests share (test_fix, test_unit): a view kept across
 * a rebinding loop (VL001, whose unsafe fix is `.copy()`), and the same fixed. */
#ifndef VL_TEST_LEAK_SOURCE_H
#define VL_TEST_LEAK_SOURCE_H

static const char leak[] = "import numpy as np\n"
                           "\n"
                           "\n"
                           "def pick(data, n):\n"
                           "    kept = []\n"
                           "    for i in range(n):\n"
                           "        kept.append(data[i, :])\n"
                           "        data = np.delete(data, i, axis=0)\n"
                           "    return kept\n";

static const char leak_fixed[] = "import numpy as np\n"
                                 "\n"
                                 "\n"
                                 "def pick(data, n):\n"
                                 "    kept = []\n"
                                 "    for i in range(n):\n"
                                 "        kept.append(data[i, :].copy())\n"
                                 "        data = np.delete(data, i, axis=0)\n"
                                 "    return kept\n";

#endif
