"""Extras not scored by score.py: for each gold claim that score.py matches (speaker + key),
is the system's stance in the gold 'stance' set, and is a stated 'via' right?

Usage: python3 stance_check.py GOLD.json SYSTEM.json
"""
import json, sys
sys.path.insert(0, "/work/shared/eval")
from score import norm, names_of

gold = json.load(open(sys.argv[1], encoding="utf-8"))
system = json.load(open(sys.argv[2], encoding="utf-8"))
system = system[0] if isinstance(system, list) else system
by_id = {e["id"]: e for e in system["entities"]}
gold_by_name = {g["name"]: g for g in gold["entities"]}

def sp_names(c):
    n = set()
    if c.get("speaker") in by_id: n |= names_of(by_id[c["speaker"]])
    if c.get("speaker_text"): n.add(norm(c["speaker_text"]))
    return n

def matches(c, g):
    wanted = {norm(g["speaker"])} | {norm(a) for a in g.get("speaker_aliases", [])}
    names = sp_names(c)
    if g["speaker"] in gold_by_name:
        ok = bool(names & (wanted | names_of(gold_by_name[g["speaker"]])))
    else:
        ok = bool(names & wanted) or any(len(w) >= 5 and (w in n or n in w) for w in wanted for n in names if len(n) >= 5)
    key = norm(g["key"])
    return ok and (key in norm(c.get("evidence", {}).get("text", "")) or key in norm(c.get("text", "")))

hit = ok = 0
for g in gold["claims"]:
    cands = [c for c in system["claims"] if matches(c, g)]
    if not cands:
        continue
    hit += 1
    stances = {c.get("stance") for c in cands}
    good = bool(stances & set(g.get("stance", [])))
    ok += good
    if not good:
        print(f"STANCE  {g['speaker']}: {g['key']!r} gold={g.get('stance')} system={sorted(stances)}")
print(f"stance accuracy over matched claims: {ok}/{hit}")
