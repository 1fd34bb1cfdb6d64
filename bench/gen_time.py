#!/usr/bin/env python3
"""Generates time entries for benchmarks: N entries over ten years (2016-11-21 .. 2026-11-20)
across 50 clients and 200 projects, back to back without overlaps, in one of two formats:

  gen_time.py N indie   > entries.csv    the CSV `indie time list --format csv` writes
  gen_time.py N timew   DIR              timewarrior's data files (DIR/data/YYYY-MM.data)
  gen_time.py setup     > setup.sh       the indie commands creating the 50 clients and 200 projects

Seeded, so every run makes the same file."""
import datetime as dt
import os
import random
import sys

CLIENTS = 50
PROJECTS = 200
DAYS = 3652
START = dt.datetime(2016, 11, 21, tzinfo=dt.timezone.utc)
NOTES = ["fix login", "code review", "client call", "sprint planning", "deploy", "write docs",
         "invoice prep", "design mockups", "refactor billing", "support ticket"]
TAGS = ["", "", "", "bug", "meeting", "ops", "bug,urgent"]


def project_path(i):
    return f"client-{i % CLIENTS:02d}/project-{i:03d}"


def entries(n):
    rng = random.Random(42)
    per_day = n / DAYS
    made = 0
    for day in range(DAYS):
        # Spread the remainder so exactly n entries come out.
        todo = int((day + 1) * per_day) - made
        t = START + dt.timedelta(days=day, hours=1)
        # Back to back within the day: each entry fits in the time left.
        budget = 22 * 3600 // max(todo, 1)
        for _ in range(todo):
            length = rng.randint(max(60, budget // 3), max(61, budget - 30))
            yield t, t + dt.timedelta(seconds=length), rng.randrange(PROJECTS), rng.choice(NOTES), rng.choice(TAGS)
            t += dt.timedelta(seconds=budget)
        made += todo


def main():
    if sys.argv[1] == "setup":
        for c in range(CLIENTS):
            cur = "USD" if c % 5 == 0 else "EUR"
            country = "US" if c % 5 == 0 else "FR"
            print(f'"$INDIE" -q client add client-{c:02d} --name "Client {c}" --country {country} --currency {cur}')
        for p in range(PROJECTS):
            rate = "600/d" if p % 4 == 0 else f"{60 + p % 50}/h"
            print(f'"$INDIE" -q project add {project_path(p)} --rate {rate}')
        return
    n = int(sys.argv[1])
    if sys.argv[2] == "indie":
        out = sys.stdout
        out.write("start,end,project,note,tags\n")
        for s, e, p, note, tags in entries(n):
            tags_field = f'"{tags}"' if "," in tags else tags
            out.write(f"{s:%Y-%m-%dT%H:%M:%S}Z,{e:%Y-%m-%dT%H:%M:%S}Z,{project_path(p)},{note},{tags_field}\n")
    else:
        data = os.path.join(sys.argv[3], "data")
        os.makedirs(data, exist_ok=True)
        files = {}
        for s, e, p, note, tags in entries(n):
            name = os.path.join(data, f"{s:%Y-%m}.data")
            if name not in files:
                files[name] = open(name, "w")
            words = [f'"{project_path(p)}"', f'"{note}"'] + [t for t in tags.split(",") if t]
            files[name].write(f"inc {s:%Y%m%dT%H%M%S}Z - {e:%Y%m%dT%H%M%S}Z # {' '.join(words)}\n")
        for f in files.values():
            f.close()


main()
