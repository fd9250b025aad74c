#!/usr/bin/env python3
"""The boundary mutants cargo-mutants does not make: `>=` → `>` and `<=` → `<` in src/household/.

cargo-mutants (26.0) turns `<` into `<=` and `>` into `>=`, but `>=` and `<=` only into their
negations, so "年满 60 周岁" written `>= 60` and tested only with 74-year-olds survives as `> 60`.
This makes each such mutant in turn, in a scratch copy of the tree, and runs the case files
against it: a mutant no test notices is a boundary no case file pins. Part of `make mutants`.

    python3 scripts/boundary-mutants.py [--list] [TEXT]   # TEXT: only mutants whose place contains it
"""
import os, re, shutil, signal, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIP = {"src/household/fingerprint.rs"}  # hashing, not policy
TESTS = ["--test", "household_cases", "--test", "dibao_income_cases", "--test", "household_snapshots"]
OP = re.compile(r"(?<![=<>!])(>=|<=)(?![=>])")


def mutants():
    base = os.path.join(ROOT, "src/household")
    for name in sorted(os.listdir(base)):
        rel = f"src/household/{name}"
        if not name.endswith(".rs") or rel in SKIP:
            continue
        lines = open(os.path.join(ROOT, rel), encoding="utf-8").read().split("\n")
        for i, line in enumerate(lines):
            code = line.split("//")[0]
            if code.lstrip().startswith("#["):
                continue
            for m in OP.finditer(code):
                yield rel, i, m.start(), m.group(1), m.group(1)[0]


def main():
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    found = [m for m in mutants() if not only or any(o in f"{m[0]}:{m[1] + 1}:{m[2] + 1}" for o in only)]
    if "--list" in sys.argv:
        for rel, i, col, old, new in found:
            print(f"{rel}:{i + 1}:{col + 1}: replace {old} with {new}")
        return
    # Interrupted (Ctrl-C, kill): still remove the scratch copy.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    scratch = tempfile.mkdtemp(prefix="boundary-mutants-")
    # Fresh mtimes (shutil.copy, not copy2): with the copied ones cargo may take a test binary built
    # from another checkout as fresh, and it would read that checkout's case files (CARGO_MANIFEST_DIR).
    shutil.copytree(ROOT, scratch, dirs_exist_ok=True, symlinks=True, copy_function=shutil.copy,
                    ignore=shutil.ignore_patterns("target", "node_modules", "dist", "pkg", "pkg-sheet", "test-results", ".git"))
    env = dict(os.environ)
    env.setdefault("CARGO_TARGET_DIR", os.path.join(ROOT, "target/mutants-target"))
    caught, missed = [], []
    try:
        # The unmutated tree must pass first, or every mutant would count as caught.
        r = subprocess.run(["cargo", "test", "-q", *TESTS], cwd=scratch, env=env, capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"the unmutated tree fails its tests:\n{r.stdout[-3000:]}{r.stderr[-3000:]}")
        print("ok      unmutated baseline", flush=True)
        for rel, i, col, old, new in found:
            path = os.path.join(scratch, rel)
            original = open(path, encoding="utf-8").read()
            lines = original.split("\n")
            lines[i] = lines[i][:col] + new + lines[i][col + len(old):]
            open(path, "w", encoding="utf-8").write("\n".join(lines))
            t = time.time()
            r = subprocess.run(["cargo", "test", "-q", *TESTS], cwd=scratch, env=env, capture_output=True, text=True)
            open(path, "w", encoding="utf-8").write(original)
            where = f"{rel}:{i + 1}:{col + 1}: replace {old} with {new}   ({lines[i].strip()})"
            if r.returncode == 0:
                missed.append(where)
                print(f"MISSED  {where}  {time.time() - t:.0f}s", flush=True)
            elif "error[E" in r.stderr and "could not compile" in r.stderr:
                print(f"unviable {where}", flush=True)
            else:
                caught.append(where)
                print(f"caught  {where}  {time.time() - t:.0f}s", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"\n{len(found)} boundary mutants: {len(caught)} caught, {len(missed)} missed")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
