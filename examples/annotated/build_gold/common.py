import json, sys
def E(name, typ, aliases=(), **kw):
    d = {"name": name, "type": typ, "aliases": list(aliases)}
    d.update(kw)
    return d
def C(speaker, key, cue, stance, text, via=(), aliases=None):
    d = {"speaker": speaker, "via": list(via), "key": key, "cue": cue, "stance": list(stance), "text": text}
    if aliases:
        d["speaker_aliases"] = list(aliases)
    return d
def V(date, types, participants, **kw):
    d = {"date": date, "types": list(types), "participants": list(participants)}
    d.update(kw); return d
def U(types, participants, **kw):
    d = {"types": list(types), "participants": list(participants)}
    d.update(kw); return d
NOTE = ("Held-out gold written blind (before running newsgraph), following corpus/alma-cers-study.gold.json conventions. "
        "Countries carry 'country' only; towns, provinces and named sites carry lat/lon (radius_km widened for provinces/regions); seas and broad regions carry none. "
        "Capitals used only metonymically are optional. Claim 'cue', 'stance' (acceptable set) and 'text' are annotation extras not read by score.py; "
        "'via' is filled only where the relay is stated in the claim's own sentence(s), as in the dev gold.")
def write(path, gold, txt):
    text = open(txt, encoding="utf-8").read()
    names = {e["name"] for e in gold["entities"]}
    # sanity checks
    for e in gold["entities"]:
        for a in e.get("affiliations", []):
            assert a in names, a
        for ks in e.get("roles", []):
            for k in ks: assert k == k.lower() and k.isalnum() or " " not in k, k
    for r in gold.get("relations", []):
        assert r["subject"] in names and r["object"] in names, r
    for ev in gold["events"] + gold["undated_events"]:
        for p in ev["participants"]: assert p in names, p
    import re, unicodedata
    def norm(t):
        t = unicodedata.normalize("NFKC", t or "").replace("\u2019","'").replace("\u2018","'").lower()
        t = re.sub(r"'s\b","",t); t = re.sub(r"[^\w\s]"," ",t); t = re.sub(r"\s+"," ",t).strip()
        return re.sub(r"^the ","",t)
    ntext = norm(text)
    for c in gold["claims"]:
        assert norm(c["key"]) in ntext, c["key"]
        for v in c["via"]: assert v in names, v
    # every entity name/alias should appear in text (warn only)
    for e in gold["entities"]:
        found = [n for n in [e["name"]] + e["aliases"] if norm(n) and re.search(r"\b"+re.escape(norm(n))+r"\b", ntext)]
        if not found: print("WARN not in text:", e["name"])
    # alias collisions between gold entities
    seen = {}
    for e in gold["entities"]:
        for n in {norm(e["name"])} | {norm(a) for a in e["aliases"]}:
            if n in seen and seen[n] != e["name"]: print("WARN alias collision", n, seen[n], e["name"])
            seen[n] = e["name"]
    json.dump(gold, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    print("wrote", path, len(gold["entities"]), "entities", len(gold["events"]), "events", len(gold["undated_events"]), "undated", len(gold["claims"]), "claims")
