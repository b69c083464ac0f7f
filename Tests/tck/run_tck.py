#!/usr/bin/env python3
"""Runs openCypher TCK feature files against the `kizuna` binary.

Usage: run_tck.py [--kizuna PATH] [--jobs N] [--filter TEXT] [--verbose] [FEATURE_OR_DIR ...]

Each scenario runs in a fresh temporary database: one `kizuna query` process
runs the setup statements and snapshots the graph, a second runs the query
under test followed by another snapshot. Side effects are the difference of
the two snapshots, computed the way the TCK's reference harness does (nodes,
relationships, distinct label names, and (entity, key, value) properties).
Python 3 standard library only.
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

SNAPSHOT = "MATCH (n) RETURN n; MATCH ()-[r]->() RETURN r"
# Where each feature's named graphs live (tck/graphs beside tck/features).
GRAPHS = {}

# ---------------------------------------------------------------- Gherkin


class Scenario:
    def __init__(self, feature, name, line):
        self.feature = feature
        self.name = name
        self.line = line
        self.setup = []  # queries from "having executed"
        self.params = {}
        # The query under test, then any control queries that read the graph it left.
        self.acts = []
        self.skip = None

    @property
    def act(self):
        return self.acts[-1] if self.acts else None


class Act:
    def __init__(self, query):
        self.query = query
        self.expect = None  # ("rows", ordered, ignore_list_order, header, rows) | ("empty",) | ("error", type, phase, detail)
        self.side_effects = None  # dict or None (unchecked)


def read_docstring(lines, i):
    """Returns (text, next index) for a triple-quoted block starting at lines[i]."""
    while i < len(lines) and lines[i].strip() != '"""':
        i += 1
    i += 1
    out = []
    while i < len(lines) and lines[i].strip() != '"""':
        out.append(lines[i])
        i += 1
    indent = min((len(l) - len(l.lstrip()) for l in out if l.strip()), default=0)
    return "\n".join(l[indent:] for l in out), i + 1


def split_table_row(line):
    s = line.strip()
    assert s.startswith("|") and s.endswith("|"), line
    cells, cur, quote, k = [], "", False, 1
    body = s[1:-1]
    while k - 1 < len(body):
        c = body[k - 1]
        if c == "\\" and k < len(body):
            # Gherkin's own escapes in table cells: \\ and \| (the rest stay for the value parser).
            nxt = body[k]
            cur += {"\\": "\\", "|": "|"}.get(nxt, c + nxt)
            k += 2
            continue
        if c == "'":
            quote = not quote
        if c == "|" and not quote:
            cells.append(cur.strip())
            cur = ""
        else:
            cur += c
        k += 1
    cells.append(cur.strip())
    return cells


def read_table(lines, i):
    rows = []
    while i < len(lines) and lines[i].strip().startswith("|"):
        rows.append(split_table_row(lines[i]))
        i += 1
    return rows, i


def parse_feature(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    root = features_dir(path)
    feature = os.path.relpath(path, root)
    GRAPHS[feature] = os.path.join(os.path.dirname(root), "graphs")
    background = []
    scenarios = []
    i = 0
    current = None  # list of steps: (keyword, text, payload)
    outline = None
    blocks = []  # (name, line, steps, examples or None)
    while i < len(lines):
        raw = lines[i]
        s = raw.strip()
        if not s or s.startswith("#"):
            i += 1
            continue
        if s.startswith("Background:"):
            current = background
            i += 1
            continue
        if s.startswith("Scenario Outline:") or s.startswith("Scenario:"):
            outline = s.startswith("Scenario Outline:")
            current = []
            blocks.append([s.split(":", 1)[1].strip(), i + 1, current, [] if outline else None])
            i += 1
            continue
        if s.startswith("Examples:"):
            table, i = read_table(lines, i + 1)
            blocks[-1][3].append(table)
            continue
        if s.startswith("@") or s.startswith("Feature:"):
            i += 1
            continue
        m = re.match(r"(Given|When|Then|And|But)\s+(.*)$", s)
        if m and current is not None:
            text = m.group(2)
            payload = None
            j = i + 1
            while j < len(lines) and not lines[j].strip():
                j += 1
            if j < len(lines) and lines[j].strip() == '"""':
                payload, i = read_docstring(lines, j)
            elif j < len(lines) and lines[j].strip().startswith("|"):
                payload, i = read_table(lines, j)
            else:
                i += 1
            current.append((text, payload))
            continue
        i += 1
    for name, line, steps, examples in blocks:
        if examples is None:
            scenarios.append(build_scenario(feature, name, line, background + steps))
            continue
        n = 0
        for table in examples:
            header = table[0]
            for row in table[1:]:
                n += 1
                subst = dict(zip(header, row))

                def sub(text):
                    if text is None:
                        return None
                    if isinstance(text, list):
                        return [[sub(c) for c in r] for r in text]
                    return re.sub(r"<([^<>\s]+)>", lambda m: subst.get(m.group(1), m.group(0)), text)

                st = [(sub(t), sub(p)) for t, p in background + steps]
                scenarios.append(build_scenario(feature, "%s #%d" % (name, n), line, st))
    return scenarios


def features_dir(path):
    """The `features` folder that holds a feature file (the TCK's layout), else ours."""
    d = os.path.dirname(os.path.abspath(path))
    while d != os.path.dirname(d) and os.path.basename(d) != "features":
        d = os.path.dirname(d)
    return d if os.path.basename(d) == "features" else os.path.join(HERE, "features")


def build_scenario(feature, name, line, steps):
    sc = Scenario(feature, name, line)
    for text, payload in steps:
        if text.startswith("an empty graph") or text.startswith("any graph"):
            continue
        if text.startswith("the ") and text.endswith(" graph"):
            # A named TCK graph: tck/graphs/NAME/NAME.cypher beside the features folder.
            name = text[len("the "):-len(" graph")]
            script = os.path.join(GRAPHS.get(feature, ""), name, name + ".cypher")
            if os.path.exists(script):
                with open(script, encoding="utf-8") as f:
                    sc.setup.append(f.read())
            else:
                sc.skip = "named graph %s not found at %s" % (name, script)
        elif text.startswith("having executed"):
            sc.setup.append(payload)
        elif text.startswith("parameters are"):
            for row in payload:
                sc.params[row[0]] = parse_value(row[1])
        elif text.startswith("there exists a procedure"):
            sc.skip = "procedure definitions are not supported by the runner"
        elif text.startswith("executing query") or text.startswith("executing control query"):
            sc.acts.append(Act(payload))
        elif sc.act is None:
            sc.skip = "expectation before any query: " + text
        elif text.startswith("the result should be empty"):
            sc.act.expect = ("empty",)
        elif text.startswith("the result should be"):
            ordered = "in order" in text
            ignore = "ignoring element order for lists" in text
            sc.act.expect = ("rows", ordered, ignore, payload[0], payload[1:])
        elif text.startswith("no side effects"):
            sc.act.side_effects = {}
        elif text.startswith("the side effects should be"):
            sc.act.side_effects = {r[0]: int(r[1]) for r in payload}
        else:
            m = re.match(r"an? (\w+) should be raised at (compile time|runtime|any time): (\w+|\*)", text)
            if m:
                sc.act.expect = ("error", m.group(1), m.group(2), m.group(3))
            elif text.startswith("the "):
                sc.skip = "unsupported step: " + text
    return sc


# ---------------------------------------------------------------- TCK values


class ValueParser:
    def __init__(self, text):
        self.t = text
        self.i = 0

    def ws(self):
        while self.i < len(self.t) and self.t[self.i].isspace():
            self.i += 1

    def peek(self, s):
        self.ws()
        return self.t.startswith(s, self.i)

    def eat(self, s):
        if not self.peek(s):
            raise ValueError("expected %r at %d in %r" % (s, self.i, self.t))
        self.i += len(s)

    def name(self):
        self.ws()
        if self.t[self.i] == "`":
            j = self.t.index("`", self.i + 1)
            n = self.t[self.i + 1 : j]
            self.i = j + 1
            return n
        m = re.compile(r"[A-Za-z_][A-Za-z0-9_]*").match(self.t, self.i)
        if not m:
            raise ValueError("expected a name at %d in %r" % (self.i, self.t))
        self.i = m.end()
        return m.group(0)

    def value(self):
        self.ws()
        t, i = self.t, self.i
        if t.startswith("null", i):
            self.i += 4
            return None
        if t.startswith("true", i):
            self.i += 4
            return True
        if t.startswith("false", i):
            self.i += 5
            return False
        if t.startswith("NaN", i):
            self.i += 3
            return float("nan")
        if t.startswith("Inf", i) or t.startswith("-Inf", i):
            neg = t[i] == "-"
            self.i += 4 if neg else 3
            if t.startswith("inity", self.i):
                self.i += 5
            return float("-inf") if neg else float("inf")
        if t[i] == "'":
            return self.string()
        if t[i] == "[":
            if re.compile(r"\[\s*:").match(t, i):
                return self.relationship()
            return self.list()
        if t[i] == "{":
            return ("map", self.props())
        if t[i] == "(":
            return self.node()
        if t[i] == "<":
            return self.path()
        m = re.compile(r"-?(\d+\.\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|\d+[eE][-+]?\d+)").match(t, i)
        if m:
            self.i = m.end()
            return float(m.group(0))
        m = re.compile(r"-?(0x[0-9a-fA-F]+|0o[0-7]+|\d+)").match(t, i)
        if m:
            self.i = m.end()
            return int(m.group(0), 0)
        raise ValueError("cannot parse value at %d in %r" % (i, t))

    def string(self):
        self.eat("'")
        out = []
        while self.t[self.i] != "'":
            c = self.t[self.i]
            if c == "\\":
                self.i += 1
                c = {"n": "\n", "t": "\t", "r": "\r"}.get(self.t[self.i], self.t[self.i])
            out.append(c)
            self.i += 1
        self.i += 1
        return "".join(out)

    def list(self):
        self.eat("[")
        items = []
        if self.peek("]"):
            self.eat("]")
            return ("list", items)
        while True:
            items.append(self.value())
            if self.peek(","):
                self.eat(",")
                continue
            self.eat("]")
            return ("list", items)

    def props(self):
        self.eat("{")
        out = {}
        if self.peek("}"):
            self.eat("}")
            return out
        while True:
            k = self.name()
            self.eat(":")
            out[k] = self.value()
            if self.peek(","):
                self.eat(",")
                continue
            self.eat("}")
            return out

    def node(self):
        self.eat("(")
        labels = []
        props = {}
        while self.peek(":"):
            self.eat(":")
            labels.append(self.name())
        if self.peek("{"):
            props = self.props()
        self.eat(")")
        return ("node", frozenset(labels), props)

    def relationship(self):
        self.eat("[")
        self.eat(":")
        typ = self.name()
        props = self.props() if self.peek("{") else {}
        self.eat("]")
        return ("rel", typ, props)

    def path(self):
        self.eat("<")
        elems = [self.node()]
        while not self.peek(">"):
            back = self.peek("<")
            if back:
                self.eat("<")
            self.eat("-")
            rel = self.relationship()
            self.eat("-")
            fwd = self.peek(">")
            if fwd:
                self.eat(">")
            elems.append((rel, not back))
            elems.append(self.node())
        self.eat(">")
        return ("path", elems)


def parse_value(text):
    p = ValueParser(text.strip())
    v = p.value()
    p.ws()
    if p.i != len(p.t):
        raise ValueError("trailing text in %r" % text)
    return v


def canon(v, ignore_list_order=False):
    """A hashable, comparable form shared by expected and actual values."""
    c = lambda x: canon(x, ignore_list_order)
    if v is None or isinstance(v, bool) or isinstance(v, str):
        return ("v", repr(v))
    if isinstance(v, int):
        return ("i", v)
    if isinstance(v, float):
        if math.isnan(v):
            return ("f", "nan")
        if math.isinf(v):
            return ("f", repr(v))
        return ("f", "%.12g" % (v + 0.0))  # -0.0 equals 0.0, as in Cypher
    kind = v[0]
    if kind == "list":
        items = [c(x) for x in v[1]]
        if ignore_list_order:
            items.sort(key=repr)
        return ("list", tuple(items))
    if kind == "map":
        return ("map", tuple(sorted((k, c(x)) for k, x in v[1].items())))
    if kind == "node":
        return ("node", tuple(sorted(v[1])), c(("map", v[2])))
    if kind == "rel":
        return ("rel", v[1], c(("map", v[2])))
    if kind == "path":
        out = []
        for e in v[1]:
            if isinstance(e, tuple) and len(e) == 2 and isinstance(e[1], bool):
                out.append((c(e[0]), e[1]))
            else:
                out.append(c(e))
        return ("path", tuple(out))
    raise ValueError("unknown value %r" % (v,))


def from_json(j):
    """Converts kizuna's JSON value encoding to the TCK value model above."""
    if j is None or isinstance(j, (bool, str, int, float)):
        return j
    if isinstance(j, list):
        return ("list", [from_json(x) for x in j])
    if isinstance(j, dict):
        if len(j) == 1:
            (k, x), = j.items()
            if k == "~node":
                return ("node", frozenset(x["labels"]), {a: from_json(b) for a, b in x["properties"].items()})
            if k == "~relationship":
                return ("rel", x["type"], {a: from_json(b) for a, b in x["properties"].items()})
            if k == "~float":
                return float({"NaN": "nan", "Infinity": "inf", "-Infinity": "-inf"}[x])
            if k == "~path":
                elems = [from_json(x[0])]
                prev = x[0]["~node"]["id"]
                for idx in range(1, len(x), 2):
                    r = x[idx]["~relationship"]
                    elems.append((from_json(x[idx]), r["start"] == prev and (r["end"] == x[idx + 1]["~node"]["id"] or r["start"] != r["end"])))
                    elems.append(from_json(x[idx + 1]))
                    prev = x[idx + 1]["~node"]["id"]
                return ("path", elems)
            if k.startswith("~"):
                return x  # temporal values compare by their ISO text, as the TCK writes them
        return ("map", {a: from_json(b) for a, b in j.items()})
    raise ValueError("unknown JSON value %r" % (j,))


def to_json(v):
    """The TCK value model to kizuna's JSON encoding, for parameters."""
    if v is None or isinstance(v, (bool, str, int)):
        return v
    if isinstance(v, float):
        if math.isnan(v):
            return {"~float": "NaN"}
        if math.isinf(v):
            return {"~float": "Infinity" if v > 0 else "-Infinity"}
        return v
    if v[0] == "list":
        return [to_json(x) for x in v[1]]
    if v[0] == "map":
        return {k: to_json(x) for k, x in v[1].items()}
    raise ValueError("cannot pass %r as a parameter" % (v,))


# ---------------------------------------------------------------- running


def run_kizuna(binary, db, text, params):
    cmd = [binary, "query", "--db", db, "--format", "json"]
    if params:
        cmd += ["--params", json.dumps({k: to_json(v) for k, v in params.items()})]
    cmd.append("-")
    try:
        p = subprocess.run(cmd, input=text, capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        return None, "timeout"
    outs = []
    for line in p.stdout.split("\n"):
        line = line.strip()
        if line:
            try:
                outs.append(json.loads(line))
            except json.JSONDecodeError:
                return None, "bad JSON line: " + line[:200]
    if not outs and p.returncode != 0:
        return None, "exit %d: %s" % (p.returncode, (p.stderr or "").strip()[:200])
    return outs, None


def snapshot(outs):
    nodes, rels, labels, props = set(), set(), set(), set()
    for row in outs[0]["rows"]:
        n = row[0]["~node"]
        nodes.add(n["id"])
        labels.update(n["labels"])
        for k, x in n["properties"].items():
            props.add(("n", n["id"], k, repr(canon(from_json(x)))))
    for row in outs[1]["rows"]:
        r = row[0]["~relationship"]
        rels.add(r["id"])
        for k, x in r["properties"].items():
            props.add(("r", r["id"], k, repr(canon(from_json(x)))))
    return nodes, rels, labels, props


def side_effects(before, after):
    keys = ["nodes", "relationships", "labels", "properties"]
    out = {}
    for k, b, a in zip(keys, before, after):
        out["+" + k] = len(a - b)
        out["-" + k] = len(b - a)
    return out


PHASES = {"compile time": {"compile"}, "runtime": {"runtime"}, "any time": {"compile", "runtime"}}


def run_scenario(binary, sc):
    if sc.skip:
        return "skip", sc.skip
    if not sc.acts or any(a.expect is None for a in sc.acts):
        return "skip", "no query or no expectation"
    tmp = tempfile.mkdtemp(prefix="tck-")
    try:
        db = os.path.join(tmp, "db")
        setup = "".join(s.rstrip().rstrip(";") + ";\n" for s in sc.setup) + SNAPSHOT
        outs, err = run_kizuna(binary, db, setup, {})
        if err:
            return "fail", "setup: " + err
        if "error" in outs[-1]:
            return "fail", "setup failed: %s" % json.dumps(outs[-1]["error"])[:200]
        before = snapshot(outs[-2:])
        for i, act in enumerate(sc.acts):
            outs, err = run_kizuna(binary, db, act.query.rstrip().rstrip(";") + ";\n" + SNAPSHOT, sc.params)
            where = "" if i == 0 else "control query %d: " % i
            if err:
                return "fail", where + err
            failure = check_act(act, outs, before)
            if failure:
                return "fail", where + failure
            if len(outs) >= 3 and not any("error" in o for o in outs[1:3]):
                before = snapshot(outs[1:3])
        return "pass", None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def check_act(act, outs, before):
    """Compares one query's output with its expectation; returns why it failed, or None."""
    first = outs[0]
    if act.expect[0] == "error":
        _, typ, phase, detail = act.expect
        if "error" not in first:
            return "expected %s %s, got a result with %d rows" % (typ, detail, len(first.get("rows", [])))
        e = first["error"]
        got = "%s/%s/%s" % (e.get("type"), e.get("detail"), e.get("phase"))
        # A detail of `*` accepts any detail of the right type.
        if e.get("type") != typ or detail not in ("*", e.get("detail")) or e.get("phase") not in PHASES[phase]:
            return "expected %s/%s at %s, got %s: %s" % (typ, detail, phase, got, e.get("message", "")[:120])
        return None
    if "error" in first:
        e = first["error"]
        return "error %s/%s: %s" % (e.get("type"), e.get("detail"), e.get("message", "")[:150])
    if len(outs) < 3 or any("error" in o for o in outs[1:]):
        return "snapshot after the query failed"
    if act.expect[0] == "empty":
        if first["rows"]:
            return "expected no rows, got %d" % len(first["rows"])
    else:
        _, ordered, ignore, header, rows = act.expect
        if first["columns"] != header:
            return "columns %s, expected %s" % (first["columns"], header)
        try:
            want = [tuple(canon(parse_value(c), ignore) for c in r) for r in rows]
        except (ValueError, IndexError) as e:
            return "runner cannot parse expected value: %s" % e
        got = [tuple(canon(from_json(c), ignore) for c in r) for r in first["rows"]]
        if ordered:
            if want != got:
                return "rows differ (ordered): got %s" % short(first["rows"])
        elif sorted(map(repr, want)) != sorted(map(repr, got)):
            return "rows differ: got %s" % short(first["rows"])
    if act.side_effects is not None:
        effects = side_effects(before, snapshot(outs[1:3]))
        for k, n in effects.items():
            if n != act.side_effects.get(k, 0):
                return "side effects %s, expected %s" % ({a: b for a, b in effects.items() if b}, act.side_effects)
    return None


def short(rows):
    s = json.dumps(rows)
    return s if len(s) < 200 else s[:200] + "..."


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", default=[os.path.join(HERE, "features")])
    ap.add_argument("--kizuna", default=os.environ.get("KIZUNA", os.path.join(ROOT, ".build-mine", "debug", "kizuna")))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--filter", default=None, help="only scenarios whose feature or name contains this text")
    ap.add_argument("--verbose", action="store_true", help="also list passing scenarios")
    args = ap.parse_args()
    if not os.path.exists(args.kizuna):
        print("kizuna binary not found at %s (build it or pass --kizuna)" % args.kizuna, file=sys.stderr)
        return 2
    files = []
    for p in args.paths:
        if os.path.isdir(p):
            for d, _, fs in os.walk(p):
                files += [os.path.join(d, f) for f in fs if f.endswith(".feature")]
        else:
            files.append(p)
    scenarios = []
    for f in sorted(files):
        scenarios += parse_feature(f)
    if args.filter:
        scenarios = [s for s in scenarios if args.filter in s.feature or args.filter in s.name]
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = list(pool.map(lambda s: run_scenario(args.kizuna, s), scenarios))
    per = {}
    failures = []
    for sc, (status, reason) in zip(scenarios, results):
        area = os.path.dirname(sc.feature)
        d = per.setdefault(area, {"pass": 0, "fail": 0, "skip": 0})
        d[status] += 1
        if status == "fail":
            failures.append("FAIL %s:%d [%s] %s" % (sc.feature, sc.line, sc.name, reason))
        elif status == "skip":
            failures.append("SKIP %s:%d [%s] %s" % (sc.feature, sc.line, sc.name, reason))
        elif args.verbose:
            print("PASS %s [%s]" % (sc.feature, sc.name))
    for line in failures:
        print(line)
    print()
    total_p = total_f = total_s = 0
    for area in sorted(per):
        d = per[area]
        n = d["pass"] + d["fail"]
        total_p += d["pass"]
        total_f += d["fail"]
        total_s += d["skip"]
        print("%-40s %4d/%-4d %5.1f%%%s" % (area, d["pass"], n, 100.0 * d["pass"] / n if n else 0,
                                          " (%d skipped)" % d["skip"] if d["skip"] else ""))
    n = total_p + total_f
    print("%-40s %4d/%-4d %5.1f%%" % ("TOTAL", total_p, n, 100.0 * total_p / n if n else 0))
    print("%d passed, %d failed%s" % (total_p, total_f, ", %d skipped" % total_s if total_s else ""))
    return 0 if total_f == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
