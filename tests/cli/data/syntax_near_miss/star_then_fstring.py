t = a, *[b] if c else d
print(f"{x:=^10}", (1, *[2]))
u = 1, *[2]
