# `# noqa` never suppresses a syntax error, even a blanket one (as in Ruff).
def broken(:  # noqa
    pass
