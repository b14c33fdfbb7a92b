"""Turn a gold file into a 'perfect' system document (contract JSON) to check that score.py accepts the gold.

Usage: python3 gold_to_system.py GOLD.json > /tmp/perfect.json
"""
import json, sys

gold = json.load(open(sys.argv[1], encoding="utf-8"))
ids = {}
ents = []
for i, g in enumerate(gold["entities"], 1):
    ids[g["name"]] = f"e{i}"
    ents.append({"id": f"e{i}", "name": g["name"], "type": g["type"], "aliases": g.get("aliases", []),
                 "roles": [" ".join(ks) for ks in g.get("roles", [])],
                 "country": g.get("country"), "lat": g.get("lat"), "lon": g.get("lon"), "geonames_id": None, "mentions": []})
rels = [{"subject": ids[r["subject"]], "predicate": "affiliated_with", "object": ids[r["object"]]} for r in gold.get("relations", [])]
for g in gold["entities"]:
    for a in g.get("affiliations", []):
        rels.append({"subject": ids[g["name"]], "predicate": "affiliated_with", "object": ids[a]})
events = []
for n, g in enumerate(gold.get("events", []) + gold.get("undated_events", []), 1):
    events.append({"id": f"v{n}", "type": g["types"][0], "date": g.get("date"), "actors": [ids[p] for p in g["participants"]],
                   "targets": [], "location": None, "evidence": {"start": 0, "end": 0, "text": g.get("text", "")}})
claims = []
for n, g in enumerate(gold["claims"], 1):
    sp = ids.get(g["speaker"])
    claims.append({"id": f"c{n}", "speaker": sp, "speaker_text": None if sp else g["speaker"], "via": [ids[v] for v in g["via"]],
                   "cue": g.get("cue"), "stance": (g.get("stance") or ["asserted"])[0], "text": g.get("text", g["key"]),
                   "about": [], "evidence": {"start": 0, "end": 0, "text": g["key"]}})
print(json.dumps({"doc_id": gold.get("doc"), "entities": ents, "events": events, "claims": claims, "relations": rels}, ensure_ascii=False))
