#!/usr/bin/python3
"""Generates rules/sklearn.tsv: what the methods of scikit-learn's estimators return, measured.

    /usr/bin/python3 rules/generate/probe_sklearn.py               # rewrites rules/sklearn.tsv
    /usr/bin/python3 rules/generate/probe_sklearn.py --out DIR     # writes DIR/sklearn.tsv

For each public estimator class of the modules listed in MODULES that can be constructed with its
defaults and fitted on a small dense float array (40x6, positive values; with integer labels when
fit needs them), each method of METHODS is called on a fresh copy of that array (inverse_transform on
what transform returned) and its result classified:

  new       an ndarray sharing no memory with the input, nor with the estimator's attributes, nor with
            the result of a second call: a new array made by the call, whatever input it accepts
  new-dense a new array for a dense input; the estimator (with its defaults, or with one boolean
            constructor parameter flipped: StandardScaler(with_mean=False)) also accepts a sparse matrix
            and then returns a sparse one: new only when the input is known to be dense
  input     the input itself or a view of it (FunctionTransformer(), StandardScaler(copy=False))
  sparse    a scipy.sparse matrix (OneHotEncoder, KBinsDiscretizer): its slices copy
  other     anything else (a tuple, a list, a stored array, an array of objects)

Methods that fail are left out (unknown to the analyzer).  Constructor keywords that change a result
(copy=, sparse_output=, sparse=; tried with the other boolean) add rows with that condition; a
constructor call passing such a keyword with another value, or reaching it positionally, is not
described.  Each probe runs in a forked child; the output depends only on the library versions.
"""
import argparse
import inspect
import os
import pickle
import sys
import warnings

MODULES = ["cluster", "compose", "covariance", "cross_decomposition", "decomposition", "discriminant_analysis",
           "feature_selection", "impute", "kernel_approximation", "linear_model", "manifold", "mixture",
           "naive_bayes", "neighbors", "neural_network", "preprocessing", "random_projection", "svm"]
METHODS = ["fit_transform", "transform", "predict", "predict_proba", "predict_log_proba", "decision_function",
           "inverse_transform", "score_samples"]
KEYWORDS = ["copy", "sparse_output", "sparse"]
# Classes left out: meta-estimators need an estimator argument; the others take minutes or other data.
SKIP = {"ColumnTransformer", "TransformedTargetRegressor", "SelectFromModel", "RFE", "RFECV", "SequentialFeatureSelector",
        "IterativeImputer", "SparseCoder", "DictVectorizer", "FeatureHasher", "LabelBinarizer", "LabelEncoder",
        "MultiLabelBinarizer", "RadiusNeighborsClassifier", "RadiusNeighborsRegressor", "RadiusNeighborsTransformer",
        "KernelCenterer", "OutputCodeClassifier", "MLPClassifier", "MLPRegressor", "BernoulliRBM",
        "OneVsRestClassifier", "OneVsOneClassifier"}


def data():
    import numpy as np
    rng = np.random.default_rng(0)
    X = rng.random((40, 6)) + 0.1
    y = (X[:, 0] > np.median(X[:, 0])).astype(int)
    return X, y


def fitted(cls, kw, X, y):
    est = cls(**kw)
    try:
        est.fit(X.copy())
    except Exception:
        est = cls(**kw)
        est.fit(X.copy(), y.copy())
    return est


def arrays_of(est):
    import numpy as np
    return [v for v in vars(est).values() if isinstance(v, np.ndarray)]


def kind_of(r, arg, est, again):
    import numpy as np
    import scipy.sparse as sp
    if sp.issparse(r):
        return "sparse", r.ndim
    if type(r) is not np.ndarray or r.dtype == object:
        return "other", -1
    if r is arg or np.shares_memory(r, arg):
        return "input", r.ndim
    if again is not None and isinstance(again, np.ndarray) and np.shares_memory(r, again):
        return "other", -1
    if any(np.shares_memory(r, a) for a in arrays_of(est)):
        return "other", -1
    return "new", r.ndim


def measure(cls, kw):
    """{method: (kind, ndim)} for an instance constructed with kw."""
    import numpy as np
    X, y = data()
    out = {}
    for m in METHODS:
        try:
            if m == "fit_transform":
                est = cls(**kw)
                x = X.copy()
                try:
                    r = est.fit_transform(x)
                except TypeError:
                    x = X.copy()
                    est = cls(**kw)
                    r = est.fit_transform(x, y.copy())
                again = None
            else:
                est = fitted(cls, kw, X, y)
                if not hasattr(est, m):
                    continue
                x = X.copy()
                if m == "inverse_transform":
                    x = est.transform(X.copy())
                    if type(x) is not np.ndarray:
                        continue
                r = getattr(est, m)(x)
                again = getattr(est, m)(x.copy())
            out[m] = kind_of(r, x, est, again)
        except Exception:
            continue
    return out


def sparse_input(cls, kw):
    """The methods that accept a sparse input and return a sparse result, with the defaults or with any
    one boolean constructor parameter flipped (StandardScaler(with_mean=False) takes a sparse matrix)."""
    params = inspect.signature(cls.__init__).parameters
    res = []
    for k in [None] + sorted(p for p in params if isinstance(params[p].default, bool)):
        got = sparse_input1(cls, dict(kw, **({k: not params[k].default} if k else {})))
        res += [m for m in got if m not in res]
    return sorted(res)


def sparse_input1(cls, kw):
    import scipy.sparse as sp
    X, y = data()
    res = []
    for m in METHODS:
        try:
            if m == "fit_transform":
                r = cls(**kw).fit_transform(sp.csr_matrix(X))
            else:
                est = cls(**kw)
                try:
                    est.fit(sp.csr_matrix(X))
                except Exception:
                    est = cls(**kw)
                    est.fit(sp.csr_matrix(X), y)
                if not hasattr(est, m) or m == "inverse_transform":
                    continue
                r = getattr(est, m)(sp.csr_matrix(X))
            if sp.issparse(r):
                res.append(m)
        except Exception:
            continue
    return res


def in_child(fn, *args):
    """fn(*args) in a forked child; its pickled result, or None."""
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        try:
            warnings.simplefilter("ignore")
            res = pickle.dumps(fn(*args))
        except BaseException:
            res = pickle.dumps(None)
        with os.fdopen(wfd, "wb") as f:
            f.write(res)
        os._exit(0)
    os.close(wfd)
    with os.fdopen(rfd, "rb") as f:
        data_ = f.read()
    os.waitpid(pid, 0)
    try:
        return pickle.loads(data_)
    except Exception:
        return None


def targets():
    import importlib
    from sklearn.base import BaseEstimator
    seen = set()
    for mod in MODULES:
        m = importlib.import_module("sklearn." + mod)
        for name in sorted(getattr(m, "__all__", dir(m))):
            cls = getattr(m, name, None)
            if name.startswith("_") or name in SKIP or not inspect.isclass(cls) or inspect.isabstract(cls):
                continue
            if not issubclass(cls, BaseEstimator) or (mod, name) in seen:
                continue
            seen.add((mod, name))
            yield "sklearn.%s.%s" % (mod, name), cls


def positional_limit(cls, kws):
    """How many positional arguments the constructor takes before one of kws, or '-'."""
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    for i, p in enumerate(params):
        if p.kind is not p.POSITIONAL_OR_KEYWORD:
            break
        if p.name in kws:
            return str(i)
    return "-"


HEADER = """\
# GENERATED by rules/generate/probe_sklearn.py from scikit-learn {sklearn} (NumPy {numpy}, SciPy {scipy}): do
# not edit; re-run the script.  What the methods of scikit-learn's estimators return, measured on a fitted
# instance constructed with its defaults (and with each constructor keyword that changes a result), called
# on a fresh 40x6 float64 array.  Embedded at build time.  Tab-separated columns:
#
#   class       the class by its public module ("sklearn.decomposition.PCA")
#   when        "-": the constructor call passes none of the keywords of that class's other rows; or
#               "copy=False": it passes that keyword as that literal (other values: not described)
#   method      the method called on the instance (fit returns the instance itself: not listed)
#   result      new: a new array made by the call (sharing nothing with its input, the estimator or
#               another call's result); new-dense: the same for a dense input, but a sparse input gives a
#               sparse result (with the defaults or one boolean parameter flipped); input: the input itself or a view of it; sparse: a scipy.sparse matrix
#               (slicing copies); other: anything else (a tuple, a stored array, objects)
#   ndim        the result's number of dimensions ("-" for other)
#   positional  how many positional constructor arguments come before a keyword of the when column
#               ("-": none can reach one): a call with more is not described
#
# class	when	method	result	ndim	positional
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ""))
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    import numpy
    import scipy
    import sklearn
    rows = []
    for qname, cls in targets():
        base = in_child(measure, cls, {})
        if not base:
            continue
        sparse_ok = in_child(sparse_input, cls, {}) or []
        params = inspect.signature(cls.__init__).parameters
        conds = []
        for k in KEYWORDS:
            if k not in params or not isinstance(params[k].default, bool):
                continue
            v = not params[k].default
            got = in_child(measure, cls, {k: v})
            if got is not None and got != base:
                conds.append(("%s=%s" % (k, v), got))
        pos = positional_limit(cls, [c[0].split("=")[0] for c in conds]) if conds else "-"
        for when, res in [("-", base)] + conds:
            for m in METHODS:
                if m not in res:
                    continue
                kind, nd = res[m]
                if kind == "new" and m in sparse_ok:
                    kind = "new-dense"
                rows.append("\t".join([qname, when, m, kind, "-" if nd < 0 else str(nd), pos]))
    text = HEADER.format(sklearn=sklearn.__version__, numpy=numpy.__version__, scipy=scipy.__version__)
    text += "\n".join(rows) + "\n"
    with open(os.path.join(args.out, "sklearn.tsv"), "w") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
