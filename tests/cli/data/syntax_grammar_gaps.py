# Valid Python that tree-sitter-python 0.25.0 does not parse (errors.c respells it to check it): no
# syntax error may be reported here.  Its near misses, each a syntax error, are in syntax_near_miss/.
host, *rest = endpoint, *[]
t = 1, *[2]
t = *[b], a
t = a, *(b), *{c}, *"d", *-e, *1
x += a, *[b]
for x in a, *[b]:
    pass


def gen():
    yield a, *[b]
    return a, *[b]


print(f"{ticklabels:=} must be", f"{x:=^10}", f"{y:=>{w}}", f'{z:==^9}', f"{v :=<4}", rf"{u:=}\d")
